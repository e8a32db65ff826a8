using VoiceOtp.Core.Guards;

namespace VoiceOtp.Core.Sessions;

public enum DispatchStatus
{
    Opened,
    Joined,
    CallLimitReached,
    Locked,
    Refused,
    // The number is over its wrong-code limits: no call; RetryAfter says when one may call.
    RateLimited,
    // A join within the resend cooldown: no call; RetryAfter says when one may call.
    ResendTooSoon,
    // A join into a session with less than MinSecondsLeftToCall to live: no call.
    TooLateToCall,
}

public sealed record DispatchOutcome(DispatchStatus Status, string SessionId, DateTimeOffset ExpiresAt,
    TimeSpan? RetryAfter = null, Refusal? Refusal = null)
{
    public static DispatchOutcome Refuse(Refusal refusal) => new(DispatchStatus.Refused, "", default, null, refusal);
}
