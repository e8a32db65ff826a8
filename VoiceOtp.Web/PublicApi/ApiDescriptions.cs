namespace VoiceOtp.Web.PublicApi;

// Response descriptions in the OpenAPI document where one status code carries several answers, so
// that a client generated from it knows every "status" a 429 or 503 may bring.
public static class ApiDescriptions
{
    public const string DispatchLimited = "too_many_calls (the session used VoiceOtp:MaxCallsPerSession), locked (the number's "
        + "session was locked by wrong codes), or rate_limited with Retry-After (the number used its wrong codes across "
        + "sessions; no call is placed)";

    public const string VerifyLimited = "locked (the session used its wrong attempts), or rate_limited with Retry-After "
        + "(the number used its wrong codes across sessions; nothing was compared)";

    public const string Unavailable = "unavailable, with Retry-After: 1 (Redis is full, down, stalled, loading or read-only; "
        + "nothing was accepted or counted)";
}
