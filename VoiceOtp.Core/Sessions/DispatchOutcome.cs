using VoiceOtp.Core.Guards;

namespace VoiceOtp.Core.Sessions;

public enum DispatchStatus
{
    Opened,
    Joined,
    CallLimitReached,
    Locked,
    Refused,
    RateLimited,
}

public sealed record DispatchOutcome(DispatchStatus Status, string SessionId, DateTimeOffset ExpiresAt, Refusal? Refusal = null)
{
    public static DispatchOutcome Refuse(Refusal refusal) => new(DispatchStatus.Refused, "", default, refusal);

    // Set for RateLimited: when the number's wrong codes allow a new verification.
    public TimeSpan RetryAfter { get; init; }
}
