using VoiceOtp.Core.Guards;

namespace VoiceOtp.Core.Sessions;

public enum VerifyStatus
{
    Verified,
    Rejected,
    Locked,
    NotFound,
    Refused,
    RateLimited,
}

public sealed record VerifyOutcome(VerifyStatus Status, int AttemptsRemaining = 0, string? SessionId = null, Refusal? Refusal = null)
{
    // Set for RateLimited: when the number may try a code again.
    public TimeSpan RetryAfter { get; init; }
}
