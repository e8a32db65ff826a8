using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Core.Calls;

// Use case: what Plivo should say on a call, from pick-up to goodbye. With the keypress gate (the
// default) the answer request only asks for the call's digit; the code is spoken by the GetDigits
// action alone, at most 1 + MaxReplays times per call, and only while the call is live and the
// session pending. So Plivo may repeat any request safely, and a replayed one reads nothing new.
public sealed class CallAnswerer(
    CallStore calls,
    CallAnswerStore answers,
    OtpSessionStore sessions,
    CodeSealer sealer,
    IOptions<VoiceOtpOptions> options)
{
    private VoiceOtpOptions O => options.Value;

    private int MaxPlays => 1 + O.MaxReplays;

    public async Task<string> AnswerAsync(string token, CallCallbackParameters p)
    {
        var call = await calls.FindAsync(token);
        if (call is null)
            return GoodbyeXml.NoLongerValid(O);
        // The CallUUID hangs the call up if the session ends while it is live.
        if (p.CallUuid is { Length: > 0 and <= 64 } callUuid)
            await calls.RecordLiveAsync(call, callUuid);
        if (p.Machine)
        {
            await answers.AnswerAsync(call, machine: true, '0', O.RequireKeypress, MaxPlays);
            return GoodbyeXml.Hangup();
        }
        var session = await sessions.FindSpeakableAsync(call.Phone, call.SessionId);
        if (session is null)
            return GoodbyeXml.NoLongerValid(O);
        var gateDigit = (char)('0' + RandomNumberGenerator.GetInt32(10));
        var decision = await answers.AnswerAsync(call, machine: false, gateDigit, O.RequireKeypress, MaxPlays);
        return Render(decision, token, call, session);
    }

    public async Task<string> PressAsync(string token, CallCallbackParameters p)
    {
        var call = await calls.FindAsync(token);
        var session = call is null ? null : await sessions.FindSpeakableAsync(call.Phone, call.SessionId);
        if (call is null || session is null || p.Digits is not { Length: > 0 and <= 8 } digits)
            return GoodbyeXml.NoLongerValid(O);
        var decision = await answers.PressAsync(call, digits, O.KeypressTries, MaxPlays);
        return Render(decision, token, call!, session, afterKey: true);
    }

    // Reached through the Redirect after the last reading of the code.
    public async Task<string> HeardAsync(string token)
    {
        var call = await calls.FindAsync(token);
        if (call is not null)
            await answers.RecordHeardAsync(call);
        return GoodbyeXml.Say("Thank you. Goodbye.", O);
    }

    private string Render(AnswerDecision decision, string token, CallRef call, SpeakableSession session, bool afterKey = false)
    {
        var digitsUrl = CallbackRoutes.Url(O.PublicBaseUrl, CallbackRoutes.Digits, token);
        switch (decision.Step)
        {
            case AnswerStep.AskKey:
                return GateXml.Ask(decision.Digit, session.Brand, digitsUrl, O, afterWrongKey: afterKey);
            case AnswerStep.Refused:
                return GoodbyeXml.Say("That was not the right key. Goodbye.", O);
            case AnswerStep.Done:
                return GoodbyeXml.Say("Goodbye.", O);
            case AnswerStep.SpeakCode when sealer.TryUnseal(call.SessionId, session.Sealed, out var code):
                var heardUrl = CallbackRoutes.Url(O.PublicBaseUrl, CallbackRoutes.Heard, token);
                return SpeakXml.ForCode(code, session.Brand, O, heardUrl, decision.PlaysLeft > 0 ? digitsUrl : null);
            default:
                return GoodbyeXml.NoLongerValid(O);
        }
    }
}
