using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Web.PlivoSimulator;

// Plivo's POST /v1/Account/{auth_id}/Call/, served in-process: Basic auth, JSON body, the same
// success and error shapes as Plivo's API.
public static class SimulatorMakeCallEndpoint
{
    public static async Task<IResult> HandleAsync(string authId, HttpRequest request, SimulatedPhoneNetwork network,
        IOptions<PlivoOptions> plivo, TimeProvider clock)
    {
        var apiId = Guid.NewGuid().ToString();
        if (authId != plivo.Value.AuthId || !HasCredentials(request, plivo.Value))
            return Results.Json(new { api_id = apiId, error = "Authentication credentials invalid" }, statusCode: 401);
        JsonElement body;
        try
        {
            body = (await JsonDocument.ParseAsync(request.Body)).RootElement;
        }
        catch (JsonException)
        {
            return Error(apiId, "request body must be a JSON object");
        }
        if (body.ValueKind != JsonValueKind.Object)
            return Error(apiId, "request body must be a JSON object");
        string? Field(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var from = Field("from");
        var to = Field("to");
        if (string.IsNullOrEmpty(from))
            return Error(apiId, "from parameter is missing");
        if (string.IsNullOrEmpty(to))
            return Error(apiId, "to parameter is missing");
        if (!TryUrl(Field("answer_url"), out var answerUrl))
            return Error(apiId, "answer_url parameter is missing or invalid");
        Uri? hangupUrl = null;
        if (Field("hangup_url") is { } hangup && !TryUrl(hangup, out hangupUrl))
            return Error(apiId, "hangup_url parameter is invalid");

        Uri? ringUrl = null;
        if (Field("ring_url") is { } ring && !TryUrl(ring, out ringUrl))
            return Error(apiId, "ring_url parameter is invalid");

        var ringTimeout = body.TryGetProperty("ring_timeout", out var r) && r.TryGetInt32(out var seconds) && seconds > 0 ? seconds : 60;

        var requestUuid = Guid.NewGuid().ToString();
        var number = to.StartsWith('+') ? to : "+" + to;
        var call = new SimulatedCall
        {
            RequestUuid = requestUuid,
            CallUuid = Guid.NewGuid().ToString(),
            From = from,
            To = number,
            CreatedAt = clock.GetUtcNow(),
            Script = CalleeScript.For(number, plivo.Value.SimulatorInteractive),
        };
        network.Place(call, new CallCallbacks(answerUrl!, Method(Field("answer_method")), hangupUrl, Method(Field("hangup_method")),
            TimeSpan.FromSeconds(ringTimeout), Field("machine_detection") is "true" or "hangup")
        {
            RingUrl = ringUrl,
            RingMethod = Method(Field("ring_method")),
        });
        return Results.Json(new { api_id = apiId, message = "call fired", request_uuid = requestUuid }, statusCode: 201);
    }

    internal static bool HasCredentials(HttpRequest request, PlivoOptions plivo)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
            return false;
        var expected = Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(plivo.AuthId + ":" + plivo.AuthToken)));
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header[6..])), SHA256.HashData(expected));
    }

    private static bool TryUrl(string? text, out Uri? url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url) && url.Scheme is "http" or "https";

    private static string Method(string? method) => method?.ToUpperInvariant() == "GET" ? "GET" : "POST";

    private static IResult Error(string apiId, string error) => Results.Json(new { api_id = apiId, error }, statusCode: 400);
}
