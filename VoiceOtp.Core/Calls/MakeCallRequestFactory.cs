using Microsoft.Extensions.Options;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Core.Calls;

// The one place a Make-a-call request is put together, whichever code path places the call.
public sealed class MakeCallRequestFactory(IOptions<VoiceOtpOptions> options, IOptions<PlivoOptions> plivo)
{
    public MakeCallRequest Create(PhoneNumber phone, string token)
    {
        var o = options.Value;
        return new MakeCallRequest
        {
            From = plivo.Value.CallerId,
            To = phone.E164,
            AnswerUrl = CallbackRoutes.Url(o.PublicBaseUrl, CallbackRoutes.Answer, token),
            HangupUrl = CallbackRoutes.Url(o.PublicBaseUrl, CallbackRoutes.Hangup, token),
            RingUrl = CallbackRoutes.Url(o.PublicBaseUrl, CallbackRoutes.Ring, token),
            RingTimeout = o.RingTimeoutSeconds,
            // Room for the keypress gate, the code and its replays.
            TimeLimit = 180,
            MachineDetection = o.MachineDetection ? "true" : null,
            MachineDetectionTime = o.MachineDetection ? o.MachineDetectionTimeMs : null,
        };
    }
}
