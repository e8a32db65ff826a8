namespace VoiceOtp.Web.PlivoWebhooks;

public sealed partial class PlivoSignatureFilter
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Refused a {Method} webhook to {Path} with a missing or invalid Plivo signature")]
        public static partial void Refused(ILogger logger, string method, string path);

        [LoggerMessage(2, LogLevel.Warning, "Refused a {Method} webhook to {Path}: its signature was already used (a replay)")]
        public static partial void Replayed(ILogger logger, string method, string path);
    }
}
