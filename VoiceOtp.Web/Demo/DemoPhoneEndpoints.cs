using VoiceOtp.Core.Phones;

namespace VoiceOtp.Web.Demo;

// The phone panel's API (simulator mode only): what the simulated phone of a number rang with and
// heard, and the buttons a person has. Every action goes through DemoPhone.
public static class DemoPhoneEndpoints
{
    public static RouteGroupBuilder MapDemoPhone(this RouteGroupBuilder api)
    {
        var phone = api.MapGroup("/phone");
        phone.MapPost("/calls", (DemoPhoneRequest request, DemoPhone simulated) =>
        {
            if (!PhoneNumber.TryParse(request.Phone, out var number))
                return DemoMessages.InvalidNumber();
            return DemoResults.Json(200, new
            {
                status = "success",
                calls = simulated.CallsTo(number!).Select(c => new
                {
                    call_id = c.Id, status = c.Status, heard = c.Heard, created_at = c.CreatedAt,
                    label = DemoMessages.PhoneLabel(c.Status),
                }),
            });
        });
        phone.MapPost("/ring-out-next", (DemoPhoneRequest request, DemoPhone simulated) =>
            PhoneNumber.TryParse(request.Phone, out var number)
                ? Result(simulated.RingOutNext(number!))
                : DemoMessages.InvalidNumber());
        phone.MapPost("/answer", (DemoCallRequest r, DemoPhone p) => Result(p.Answer(r.CallId ?? "")));
        phone.MapPost("/hang-up", (DemoCallRequest r, DemoPhone p) => Result(p.HangUp(r.CallId ?? "")));
        phone.MapPost("/ring-out", (DemoCallRequest r, DemoPhone p) => Result(p.RingOut(r.CallId ?? "")));
        phone.MapPost("/press", (DemoCallRequest r, DemoPhone p) =>
            r.Digit is { Length: 1 } d && (char.IsAsciiDigit(d[0]) || d[0] is '*' or '#')
                ? Result(p.Press(r.CallId ?? "", d[0]))
                : DemoResults.Json(400, new { status = "invalid", message = "press one key: 0-9, * or #" }));
        return api;
    }

    private static IResult Result(DemoPhoneAction action) => action.Done
        ? DemoResults.Json(200, new { status = "success", message = action.Message })
        : DemoResults.Json(409, new { status = "unsupported", message = action.Message });
}
