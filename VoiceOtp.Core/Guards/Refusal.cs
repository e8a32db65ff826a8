namespace VoiceOtp.Core.Guards;

public enum RefusalKind
{
    // 403: this destination may not be called now (number type, country, prefix, breaker, spend cap).
    Blocked,

    // 429: a rate limit is used up; RetryAfterSeconds says when one slot frees.
    RateLimited,
}

// Why a request was refused before any session was touched. Message is shown to the product and
// never holds the number.
public sealed record Refusal(RefusalKind Kind, string Message, int RetryAfterSeconds = 0)
{
    public static Refusal Blocked(string message) => new(RefusalKind.Blocked, message);
}
