using System.Net;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Calls;

// Pacing at the account's calls per second, end to end: a burst of dispatches against a separate
// fake Plivo goes out at that rate, judged by the times the fake Plivo received each Make-a-call.
[NonParallelizable]
public sealed class PacingBurstTests
{
    private const int PerSecond = 5;
    private const int Burst = 100;
    private ExternalPlivoEngine _engine = null!;

    [OneTimeSetUp]
    public async Task StartAsync() =>
        _engine = await ExternalPlivoEngine.StartAsync("pace", new Dictionary<string, string>
        {
            ["VoiceOtp:CallsPerSecond"] = PerSecond.ToString(),
            ["VoiceOtp:RequireKeypress"] = "false",
        });

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_engine is not null)
            await _engine.DisposeAsync();
    }

    [Test]
    public async Task BurstOfDispatches_GoesOutAtCallsPerSecond_WithNoneDropped()
    {
        // A running service: one call first, so that the burst does not measure the placing path's JIT.
        Assert.That((await Api.DispatchAsync(_engine.Api, TestPhones.Next())).Status, Is.EqualTo(HttpStatusCode.OK));
        var warm = DateTime.UtcNow.AddSeconds(30);
        while (_engine.Plivo.Calls.IsEmpty && DateTime.UtcNow < warm)
            await Task.Delay(50);
        Assert.That(_engine.Plivo.Calls, Is.Not.Empty, "the first call never reached Plivo");
        await Task.Delay(1100);
        _engine.Plivo.Calls.Clear();
        var numbers = Enumerable.Range(0, Burst).Select(_ => TestPhones.Next()).ToList();
        var answers = await Task.WhenAll(numbers.Select(n => Api.DispatchAsync(_engine.Api, n)));
        Assert.That(answers.Select(a => a.Status), Is.All.EqualTo(HttpStatusCode.OK));

        var deadline = DateTime.UtcNow.AddSeconds(Burst / PerSecond + 30);
        while (_engine.Plivo.Calls.Count < Burst && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        var calls = _engine.Plivo.Calls.ToList();
        Assert.That(calls.Select(c => (string)c.Body["to"]!), Is.EquivalentTo(numbers), "every dispatch placed once, none dropped");
        var times = calls.Select(c => c.ReceivedAt).Order().ToList();
        // Any PerSecond+1 consecutive calls, as the fake Plivo received them, span at least a second.
        var tightest = Enumerable.Range(0, times.Count - PerSecond).Min(i => times[i + PerSecond] - times[i]);
        Assert.That(tightest, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)),
            $"no 1 s window holds more than {PerSecond} calls");
    }
}
