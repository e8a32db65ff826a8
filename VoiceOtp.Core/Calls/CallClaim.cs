namespace VoiceOtp.Core.Calls;

// What a call job may do, decided atomically by claim-call.lua.
public enum CallClaim
{
    Gone,
    Placed,
    Uncertain,
    Claimed,
}
