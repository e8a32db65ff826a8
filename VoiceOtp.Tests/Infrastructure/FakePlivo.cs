using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using System.Security.Cryptography;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Tests.Infrastructure;

// A separate stand-in for api.plivo.com on loopback that records Make-a-call requests and the DELETEs
// that stop calls, and answers like Plivo does; the test plays Plivo's callbacks itself, signed
// (SendCallbackAsync) as Plivo signs every webhook.
public sealed class FakePlivo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakePlivo(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    // Statuses to answer the next requests with instead of 201, as Plivo does on errors.
    public ConcurrentQueue<int> FailNext { get; } = new();

    // Delays before answering the next requests: longer than Plivo:TimeoutSeconds makes the engine
    // time out while the request did arrive (the fake places nothing, so no callback follows).
    public ConcurrentQueue<TimeSpan> StallNext { get; } = new();

    // "METHOD path" of each DELETE received (Request/{uuid}/ or Call/{uuid}/).
    public ConcurrentQueue<string> Deletes { get; } = new();

    // The Retry-After header of a 429 from FailNext, in seconds (none when null).
    public int? RetryAfterSeconds { get; set; }

    // Answer "call queued" instead of "call fired".
    public bool QueueCalls { get; set; }

    public static async Task<FakePlivo> StartAsync()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseUrl);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakePlivo(app, baseUrl);
        app.MapPost("/v1/Account/{authId}/Call/", async (string authId, HttpRequest request) =>
        {
            var receivedAt = DateTimeOffset.UtcNow;
            var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
            var requestUuid = Guid.NewGuid().ToString();
            fake.Calls.Enqueue(new RecordedCall(authId, request.Headers.Authorization.ToString(),
                request.ContentType ?? "", body, requestUuid, request.ContentLength, receivedAt));
            if (fake.StallNext.TryDequeue(out var stall))
                await Task.Delay(stall);
            if (fake.FailNext.TryDequeue(out var status))
            {
                if (status == 429 && fake.RetryAfterSeconds is { } after)
                    request.HttpContext.Response.Headers.RetryAfter = after.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Json(new { api_id = Guid.NewGuid(), error = $"simulated failure {status}" }, statusCode: status);
            }
            return Results.Json(new { api_id = Guid.NewGuid(), message = fake.QueueCalls ? "call queued" : "call fired",
                request_uuid = requestUuid }, statusCode: 201);
        });
        app.MapDelete("/v1/Account/{authId}/{kind}/{uuid}/", (string kind, string uuid) =>
        {
            fake.Deletes.Enqueue($"{kind}/{uuid}/");
            return Results.NoContent();
        });
        await app.StartAsync();
        return fake;
    }

    public async Task<RecordedCall> WaitForCallAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Calls.Count < count && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.That(Calls, Has.Count.GreaterThanOrEqualTo(count), "the app never called Plivo");
        return Calls.ElementAt(count - 1);
    }

    public async Task WaitForDeleteAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Deletes.Contains(path) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.That(Deletes, Does.Contain(path), "the engine never stopped the call at Plivo");
    }

    // Plays one of Plivo's callbacks to the engine, signed with V3 as Plivo does.
    public static async Task<HttpResponseMessage> SendCallbackAsync(HttpClient http, string url,
        IEnumerable<KeyValuePair<string, string>> form)
    {
        var fields = form.ToList();
        var nonce = RandomNumberGenerator.GetString("0123456789", 20);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Plivo-Signature-V3-Nonce", nonce);
        request.Headers.Add("X-Plivo-Signature-V3", PlivoSignatureV3.Compute("POST", new Uri(url), fields, nonce, TestSettings.PlivoAuthToken));
        return await http.SendAsync(request);
    }

    // Plays a person picking up the call: the signed answer, the key the gate asks for, and the
    // code the engine then speaks; then Plivo's hangup. Returns the code heard.
    public static async Task<string> AnswerAndHearAsync(HttpClient http, RecordedCall call)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("CallUUID", Guid.NewGuid().ToString()), new("CallStatus", "in-progress"), new("Direction", "outbound"),
            new("From", "14155550100"), new("To", ((string)call.Body["to"]!).TrimStart('+')), new("RequestUUID", call.RequestUuid),
        ];
        using var answer = await SendCallbackAsync(http, (string)call.Body["answer_url"]!, form);
        var xml = System.Xml.Linq.XDocument.Parse(await answer.Content.ReadAsStringAsync());
        if (xml.Root!.Element("GetDigits") is { } gate)
        {
            using var pressed = await SendCallbackAsync(http, (string)gate.Attribute("action")!,
                [.. form, new("Digits", gate.Value.Split(' ')[1])]);
            xml = System.Xml.Linq.XDocument.Parse(await pressed.Content.ReadAsStringAsync());
        }
        var code = xml.Descendants("say-as").First().Value;
        form.RemoveAll(kv => kv.Key == "CallStatus");
        using var hangup = await SendCallbackAsync(http, (string)call.Body["hangup_url"]!,
            [.. form, new("CallStatus", "completed"), new("HangupCause", "NORMAL_CLEARING"), new("Duration", "9"), new("BillDuration", "9")]);
        return code;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record RecordedCall(string AuthId, string Authorization, string ContentType, JsonObject Body, string RequestUuid,
        long? ContentLength, DateTimeOffset ReceivedAt);
}
