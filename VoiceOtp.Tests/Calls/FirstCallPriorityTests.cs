using System.Net;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Calls;

// Pacing holds calls back (one call per second here): a new session's first call goes before the
// retries that are already due and waiting, against a separate fake Plivo.
[NonParallelizable]
public sealed class FirstCallPriorityTests
{
    private const int Retried = 4;
    private ExternalPlivoEngine _engine = null!;
    private FakePlivo _plivo = null!;
    private HttpClient _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _engine = await ExternalPlivoEngine.StartAsync("first", new Dictionary<string, string>
        {
            ["VoiceOtp:CallsPerSecond"] = "1",
            ["VoiceOtp:RequireKeypress"] = "false",
        });
        (_plivo, _api) = (_engine.Plivo, _engine.Api);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_engine is not null)
            await _engine.DisposeAsync();
    }

    [Test]
    public async Task FirstCallsOfNewSessions_ArePlacedBeforeWaitingRetries_WhenPacingHoldsCallsBack()
    {
        var callbacks = new FakePlivoCallbacks(_api);
        var retried = Enumerable.Range(0, Retried).Select(_ => TestPhones.Next()).ToList();
        foreach (var number in retried)
            await DispatchAsync(number);
        await WaitForCallsAsync(Retried);
        // All unanswered at once: their retries fall due together, one second later, and pacing
        // lets them out one per second.
        await Task.WhenAll(_plivo.Calls.Select(c => callbacks.HangupAsync(c, "no-answer", "NO_ANSWER")));
        await WaitForCallsAsync(Retried + 1);
        var fresh = new[] { TestPhones.Next(), TestPhones.Next() };
        foreach (var number in fresh)
            await DispatchAsync(number);

        await WaitForCallsAsync(2 * Retried + fresh.Length);
        var order = _plivo.Calls.Skip(Retried).Select(c => (string)c.Body["to"]!).ToList();

        var lastFresh = order.FindLastIndex(fresh.Contains);
        var lastRetry = order.FindLastIndex(retried.Contains);
        Assert.That(order.Where(fresh.Contains).Count(), Is.EqualTo(fresh.Length));
        Assert.That(lastFresh, Is.LessThan(lastRetry), "the new sessions' first calls went before the waiting retries: "
            + string.Join(", ", order.Select(n => fresh.Contains(n) ? "first" : "retry")));
    }

    private async Task DispatchAsync(string number)
    {
        var (status, _) = await Api.DispatchAsync(_api, number);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task WaitForCallsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_plivo.Calls.Count < count && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.That(_plivo.Calls, Has.Count.GreaterThanOrEqualTo(count), "calls never reached Plivo");
    }
}
