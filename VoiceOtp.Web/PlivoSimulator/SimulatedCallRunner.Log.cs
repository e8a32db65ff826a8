namespace VoiceOtp.Web.PlivoSimulator;

public sealed partial class SimulatedCallRunner
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Simulated call {RequestUuid} failed: {Error}")]
        public static partial void CallFailed(ILogger logger, string requestUuid, string error);
    }
}
