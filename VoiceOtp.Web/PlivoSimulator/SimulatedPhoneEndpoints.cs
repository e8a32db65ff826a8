using System.Text.Json.Serialization;

namespace VoiceOtp.Web.PlivoSimulator;

// JSON routes for SimulatedPhone, under the API-key-protected /simulator group.
public static class SimulatedPhoneEndpoints
{
    public static void MapSimulatedPhone(this RouteGroupBuilder simulator)
    {
        var phone = simulator.MapGroup("/phone/calls");
        phone.MapGet("", (SimulatedPhone p, string? number) => string.IsNullOrWhiteSpace(number)
            ? Json(400, "invalid", "give ?number= in E.164")
            : Results.Json(new { status = "success", message = "calls to that number, oldest first",
                calls = p.CallsTo(number).Select(c => c.ToJson()) }));
        phone.MapGet("/{callId}", (SimulatedPhone p, string callId) =>
            p.Find(callId) is { } call ? Results.Json(new { status = "success", message = "the call", call = call.ToJson() })
                : Json(404, "not_found", "no such simulated call"));
        phone.MapPost("/{callId}/answer", (SimulatedPhone p, string callId) => Reply(p, callId, p.Answer(callId), "answered"));
        phone.MapPost("/{callId}/ring_out", (SimulatedPhone p, string callId) => Reply(p, callId, p.RingOut(callId), "left to ring out"));
        phone.MapPost("/{callId}/hangup", (SimulatedPhone p, string callId) => Reply(p, callId, p.HangUp(callId), "hung up"));
        phone.MapPost("/{callId}/press", (SimulatedPhone p, string callId, PressRequest? body) =>
            body?.Digit is not { Length: 1 } digit || !SimulatedPhone.IsKey(digit[0])
                ? Json(400, "invalid", "give {\"digit\": \"0\"-\"9\", \"*\" or \"#\"}")
                : Reply(p, callId, p.Press(callId, digit[0]), "key pressed"));
    }

    private static IResult Reply(SimulatedPhone phone, string callId, PhoneResult result, string done) => result switch
    {
        PhoneResult.Done => Results.Json(new { status = "success", message = done, call = phone.Find(callId)?.ToJson() }),
        PhoneResult.UnknownCall => Json(404, "not_found", "no such simulated call"),
        PhoneResult.NotInteractive => Json(409, "conflict", "this call follows its number's script, not the phone"),
        PhoneResult.InvalidKey => Json(400, "invalid", "not a phone key"),
        _ => Json(409, "conflict", "the call is not in a state that allows this"),
    };

    private static IResult Json(int status, string kind, string message) =>
        Results.Json(new { status = kind, message }, statusCode: status);

    public sealed record PressRequest([property: JsonPropertyName("digit")] string? Digit);
}
