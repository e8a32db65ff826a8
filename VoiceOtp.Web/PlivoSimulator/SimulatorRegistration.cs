using VoiceOtp.Core.Phones;
using VoiceOtp.Web.PublicApi;

namespace VoiceOtp.Web.PlivoSimulator;

// Only registered and mapped when Plivo:Simulator is true.
public static class SimulatorRegistration
{
    public static IServiceCollection AddPlivoSimulator(this IServiceCollection services)
    {
        services.AddSingleton<SimulatedPhoneNetwork>();
        services.AddSingleton<SimulatedPhone>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<PlivoXmlPlayer>();
        services.AddHostedService<SimulatedCallRunner>();
        services.AddHttpClient(WebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        return services;
    }

    public static IEndpointRouteBuilder MapPlivoSimulator(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/Account/{authId}/Call/", SimulatorMakeCallEndpoint.HandleAsync);
        endpoints.MapDelete("/v1/Account/{authId}/Request/{requestUuid}/", SimulatorStopCallEndpoint.CancelQueued);
        endpoints.MapDelete("/v1/Account/{authId}/Call/{callUuid}/", SimulatorStopCallEndpoint.HangUp);

        // The simulator's own inspection API shows spoken codes, so it takes the same API keys as
        // the public API.
        var inspect = endpoints.MapGroup("/simulator")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        inspect.MapGet("/calls", (SimulatedPhoneNetwork network, string? to) =>
        {
            var calls = network.Calls.Where(c => to is null || c.To == to || c.To == "+" + to.TrimStart('+'));
            return Results.Json(new
            {
                status = "success",
                message = "calls placed through the simulator, oldest first",
                calls = calls.Select(c => new
                {
                    request_uuid = c.RequestUuid, call_uuid = c.CallUuid, from = c.From, to = c.To,
                    created_at = c.CreatedAt, script = c.Script.Name, status = c.Status, answered_by = c.AnsweredBy,
                    heard = c.Heard, keys = c.Keys, outcome = c.Ended ? c.Status : null,
                    answer_http_status = c.AnswerHttpStatus, hangup_http_status = c.HangupHttpStatus,
                    hangup_cause = c.HangupCause,
                }),
            });
        });
        inspect.MapPost("/unanswered", (SimulatedPhoneNetwork network, UnansweredRequest body) =>
        {
            if (!PhoneNumber.TryParse(body.DestinationNumber, out var phone) || body.Calls is < 1 or > 100)
                return Results.Json(new { status = "invalid", message = "give destination_number and calls (1 to 100)" }, statusCode: 400);
            network.LeaveUnanswered(phone!.E164, body.Calls);
            return Results.Json(new { status = "success", message = $"the next {body.Calls} call(s) to that number go unanswered" });
        });
        inspect.MapSimulatedPhone();
        return endpoints;
    }

    public sealed record UnansweredRequest(
        [property: System.Text.Json.Serialization.JsonPropertyName("destination_number")] string? DestinationNumber,
        [property: System.Text.Json.Serialization.JsonPropertyName("calls")] int Calls);
}
