using Microsoft.Extensions.Options;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Core.Calls;

// Use case: a callee picked up; decide what Plivo should say.
public sealed class CallAnswerer(
    CallAttemptStore calls,
    OtpSessionStore sessions,
    CodeSealer sealer,
    IOptions<VoiceOtpOptions> options)
{
    public async Task<string> AnswerAsync(string token)
    {
        var call = await calls.FindAsync(token);
        var session = call is null ? null : await sessions.FindSpeakableAsync(call.Phone, call.SessionId);
        if (call is null || session is null || !sealer.TryUnseal(call.SessionId, session.Sealed, out var code))
            return SpeakXml.NoLongerValid(options.Value);
        return SpeakXml.ForCode(code, session.Brand, options.Value);
    }
}
