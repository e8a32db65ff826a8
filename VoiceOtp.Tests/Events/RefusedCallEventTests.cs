using System.Net;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Events;

// Plivo refusing a call (4xx) cannot be played by the built-in simulator, so this runs the engine as
// its own process against a separate fake Plivo that answers 400.
[NonParallelizable]
public sealed class RefusedCallEventTests
{
    private ExternalPlivoEngine _engine = null!;
    private FakePlivo _plivo = null!;
    private HttpClient _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _engine = await ExternalPlivoEngine.StartAsync("refused");
        (_plivo, _api) = (_engine.Plivo, _engine.Api);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_engine is not null)
            await _engine.DisposeAsync();
    }

    [Test]
    public async Task Callback_ReportsFailed_WhenPlivoRefusesTheCall()
    {
        _plivo.FailNext.Enqueue(400);
        var (number, session, url) = await EventFlow.DispatchAsync(_api);

        var failed = await EventFlow.WaitForEventAsync(url, "session.failed", number);
        var (status, body) = await Api.GetAsync(_api, $"/sessions/{session}");

        Assert.That((string?)failed["reason"], Is.EqualTo("call_refused"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)body["session_status"], Is.EqualTo("failed"));
        Assert.That((string?)body["calls"]![0]!["outcome"], Is.EqualTo("failed"));
    }
}
