namespace VoiceOtp.Core.Sessions;

public enum DispatchStatus
{
    Opened,
    Joined,
    CallLimitReached,
    Locked,
}

public sealed record DispatchOutcome(DispatchStatus Status, string SessionId, DateTimeOffset ExpiresAt);
