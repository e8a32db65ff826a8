using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VoiceOtp.Tests.Infrastructure;

// A separate stand-in for api.plivo.com on loopback that only records Make-a-call requests and
// answers like Plivo does; the test then plays Plivo's callbacks itself.
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
            var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
            var requestUuid = Guid.NewGuid().ToString();
            fake.Calls.Enqueue(new RecordedCall(authId, request.Headers.Authorization.ToString(),
                request.ContentType ?? "", body, requestUuid, request.ContentLength));
            if (fake.FailNext.TryDequeue(out var status))
                return Results.Json(new { api_id = Guid.NewGuid(), error = $"simulated failure {status}" }, statusCode: status);
            return Results.Json(new { api_id = Guid.NewGuid(), message = "call fired", request_uuid = requestUuid }, statusCode: 201);
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record RecordedCall(string AuthId, string Authorization, string ContentType, JsonObject Body, string RequestUuid,
        long? ContentLength);
}
