namespace VoiceOtp.Core.Calls;

// What the pump may do with a claimed call, decided atomically by claim-call.lua.
public enum CallClaim
{
    Gone,
    Placed,
    Lost,
    Claimed,
}
