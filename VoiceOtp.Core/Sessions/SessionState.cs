namespace VoiceOtp.Core.Sessions;

public enum SessionState
{
    Pending,
    Verified,
    Locked,
    Expired,
    // No call can reach the callee any more: see SessionEvents.CallSettledAsync for the rule.
    Failed,
}

public static class SessionStates
{
    public static string WireName(this SessionState state) => state.ToString().ToLowerInvariant();
}
