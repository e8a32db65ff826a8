using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Core.Calls;

// Use case: Plivo says a call rings. Keeps its CallUUID, so that a verify can hang it up.
public sealed class RingRecorder(CallStore calls)
{
    public async Task<bool> RecordAsync(string token, CallCallbackParameters p)
    {
        var call = await calls.FindAsync(token);
        if (call is null || p.CallUuid is not { Length: > 0 and <= 64 } callUuid)
            return false;
        await calls.RecordLiveAsync(call, callUuid);
        return true;
    }
}
