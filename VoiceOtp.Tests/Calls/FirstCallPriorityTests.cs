using System.Net;
using System.Net.Http.Headers;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Calls;

// Pacing holds calls back (one call per second here): a new session's first call goes before the
// retries that are already due and waiting, against a separate fake Plivo.
[NonParallelizable]
public sealed class FirstCallPriorityTests
{
    private const int Retried = 4;
    private FakePlivo _plivo = null!;
    private AppProcess _app = null!;
    private HttpClient _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _plivo = await FakePlivo.StartAsync();
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var run = Guid.NewGuid().ToString("N")[..8];
        var settings = TestSettings.For(baseUrl, TestEnvironment.Redis.Configuration, $"first:{{{run}}}:", $"{{first-jobs-{run}}}:");
        settings["Plivo:BaseUrl"] = _plivo.BaseUrl;
        settings["VoiceOtp:CallsPerSecond"] = "1";
        settings["VoiceOtp:RequireKeypress"] = "false";
        _app = AppProcess.Start(baseUrl, settings);
        await _app.WaitUntilListeningAsync();
        _api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.ApiKey);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _api?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
        if (_plivo is not null)
            await _plivo.DisposeAsync();
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
