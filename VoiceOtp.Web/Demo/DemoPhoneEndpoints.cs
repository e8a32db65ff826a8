using VoiceOtp.Core.Phones;
using VoiceOtp.Web.PlivoSimulator;

namespace VoiceOtp.Web.Demo;

// The phone panel's API (simulator mode only): the calls to a number with what the phone heard, and
// the buttons a person has. Every action goes through DemoPhone; a refused one is a 4xx JSON body.
public static class DemoPhoneEndpoints
{
    public static RouteGroupBuilder MapDemoPhone(this RouteGroupBuilder api)
    {
        var phone = api.MapGroup("/phone");
        phone.MapPost("/calls", (DemoPhoneRequest request, DemoPhone simulated) =>
            PhoneNumber.TryParse(request.Phone, out var number)
                ? DemoResults.Json(200, new { status = "success", calls = simulated.CallsTo(number!).Select(c => c.ToJson()) })
                : DemoMessages.InvalidNumber());
        phone.MapPost("/ring-out-next", (DemoPhoneRequest request, DemoPhone simulated) =>
        {
            if (!PhoneNumber.TryParse(request.Phone, out var number))
                return DemoMessages.InvalidNumber();
            simulated.RingOutNext(number!);
            return DemoResults.Json(200, new { status = "success", message = "The next call to this phone will ring out unanswered." });
        });
        phone.MapPost("/answer", (DemoCallRequest r, DemoPhone p) => Reply(p, r, p.Answer, "You answered."));
        phone.MapPost("/hang-up", (DemoCallRequest r, DemoPhone p) => Reply(p, r, p.HangUp, "You hung up."));
        phone.MapPost("/ring-out", (DemoCallRequest r, DemoPhone p) => Reply(p, r, p.RingOut, "You let it ring out."));
        phone.MapPost("/press", (DemoCallRequest r, DemoPhone p) =>
            r.Digit is { Length: 1 } d && SimulatedPhone.IsKey(d[0])
                ? Reply(p, r, id => p.Press(id, d[0]), $"You pressed {d}.")
                : DemoResults.Json(400, new { status = "invalid", message = "Press one key: 0-9, * or #." }));
        return api;
    }

    private static IResult Reply(DemoPhone phone, DemoCallRequest request, Func<string, PhoneResult> act, string done)
    {
        if (string.IsNullOrWhiteSpace(request.CallId))
            return DemoResults.Json(400, new { status = "invalid", message = "call_id is required." });
        return act(request.CallId) switch
        {
            PhoneResult.Done => DemoResults.Json(200, new { status = "success", message = done, call = phone.Find(request.CallId)?.ToJson() }),
            PhoneResult.UnknownCall => DemoResults.Json(404, new { status = "not_found", message = "No such call." }),
            PhoneResult.NotInteractive => DemoResults.Json(409, new { status = "not_interactive",
                message = "This call plays by itself. Numbers ending in 09, or every number with Plivo:SimulatorInteractive=true, wait for you." }),
            PhoneResult.InvalidKey => DemoResults.Json(400, new { status = "invalid", message = "Press one key: 0-9, * or #." }),
            _ => DemoResults.Json(409, new { status = "wrong_state", message = "The call is not in a state that allows this." }),
        };
    }
}
