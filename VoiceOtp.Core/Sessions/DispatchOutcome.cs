namespace VoiceOtp.Core.Sessions;

public enum DispatchStatus
{
    Opened,
    Joined,
    CallLimitReached,
    Locked,
    RateLimited,
}

public sealed record DispatchOutcome(DispatchStatus Status, string SessionId, DateTimeOffset ExpiresAt)
{
    // Set for RateLimited: when the number's wrong codes allow a new verification.
    public TimeSpan RetryAfter { get; init; }
}
