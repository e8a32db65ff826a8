using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VoiceOtp.Tests.Infrastructure;

// A product backend's webhook endpoint on 127.0.0.1: records every POST it gets, per path, and can
// be told to fail the next requests to a path. Tests use a path of their own.
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Received>> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _failNext = new();

    private CallbackReceiver(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string NewUrl(string host = "127.0.0.1") => $"http://{host}:{Port}/hooks/{Guid.NewGuid():N}";

    public static async Task<CallbackReceiver> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new CallbackReceiver(app, port);
        app.MapPost("/hooks/{id}", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var path = request.Path.Value!;
            receiver._received.GetOrAdd(path, _ => new()).Enqueue(new Received(
                request.Headers["X-VoiceOtp-Timestamp"].ToString(), request.Headers["X-VoiceOtp-Signature"].ToString(),
                request.Headers["X-VoiceOtp-Event-Id"].ToString(), body, DateTimeOffset.UtcNow));
            return receiver._failNext.TryGetValue(path, out var q) && q.TryDequeue(out var status)
                ? Results.StatusCode(status)
                : Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    public void FailNext(string url, int status) => _failNext.GetOrAdd(new Uri(url).AbsolutePath, _ => new()).Enqueue(status);

    public IReadOnlyList<Received> ReceivedAt(string url) =>
        _received.TryGetValue(new Uri(url).AbsolutePath, out var q) ? q.ToArray() : [];

    // Waits (bounded) until `count` deliveries of the event have arrived, and returns them all.
    public async Task<IReadOnlyList<Received>> WaitForAsync(string url, string eventName, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            var matching = ReceivedAt(url).Where(r => r.Event == eventName).ToList();
            if (matching.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.That(matching, Has.Count.GreaterThanOrEqualTo(count), $"expected {count} delivery(ies) of {eventName}");
                return matching;
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Received(string Timestamp, string Signature, string EventId, string Body, DateTimeOffset At)
    {
        public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

        public string? Event => (string?)Json["event"];
    }
}
