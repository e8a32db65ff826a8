namespace VoiceOtp.Core.Calls;

// The webhook routes Plivo calls back on, defined once: the request factory and the answer XML
// build URLs from them and the controllers are routed by them. The call token is the last segment.
public static class CallbackRoutes
{
    public const string Answer = "plivo/answer";
    public const string Hangup = "plivo/hangup";
    public const string Digits = "plivo/digits";
    public const string Heard = "plivo/heard";
    public const string Ring = "plivo/ring";

    public static string Url(string publicBaseUrl, string route, string token) =>
        $"{publicBaseUrl.TrimEnd('/')}/{route}/{token}";
}
