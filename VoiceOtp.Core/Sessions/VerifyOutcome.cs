namespace VoiceOtp.Core.Sessions;

public enum VerifyStatus
{
    Verified,
    Rejected,
    Locked,
    NotFound,
}

// ExpiresAt: the verified session's expiry, for the metrics only.
public sealed record VerifyOutcome(VerifyStatus Status, int AttemptsRemaining = 0, string? SessionId = null,
    DateTimeOffset? ExpiresAt = null);
