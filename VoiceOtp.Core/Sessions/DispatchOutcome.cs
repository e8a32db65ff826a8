namespace VoiceOtp.Core.Sessions;

public enum DispatchStatus
{
    Opened,
    Joined,
    CallLimitReached,
    Locked,
    // A join within the resend cooldown: no call; RetryAfter says when one may call.
    ResendTooSoon,
    // A join into a session with less than MinSecondsLeftToCall to live: no call.
    TooLateToCall,
}

public sealed record DispatchOutcome(DispatchStatus Status, string SessionId, DateTimeOffset ExpiresAt,
    TimeSpan? RetryAfter = null);
