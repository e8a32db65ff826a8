namespace VoiceOtp.Core.Sessions;

public enum VerifyStatus
{
    Verified,
    Rejected,
    Locked,
    NotFound,
}

public sealed record VerifyOutcome(VerifyStatus Status, int AttemptsRemaining = 0, string? SessionId = null);
