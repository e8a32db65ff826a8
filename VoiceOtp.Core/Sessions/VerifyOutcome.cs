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

// ExpiresAt: the verified session's expiry, for the metrics only.
public sealed record VerifyOutcome(VerifyStatus Status, int AttemptsRemaining = 0, string? SessionId = null,
    DateTimeOffset? ExpiresAt = null, Refusal? Refusal = null)
{
    // Set for RateLimited: when the number may try a code again.
    public TimeSpan RetryAfter { get; init; }
}
