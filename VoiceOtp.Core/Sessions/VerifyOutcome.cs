using VoiceOtp.Core.Guards;

namespace VoiceOtp.Core.Sessions;

public enum VerifyStatus
{
    Verified,
    Rejected,
    Locked,
    NotFound,
    Refused,
}

public sealed record VerifyOutcome(VerifyStatus Status, int AttemptsRemaining = 0, string? SessionId = null, Refusal? Refusal = null);
