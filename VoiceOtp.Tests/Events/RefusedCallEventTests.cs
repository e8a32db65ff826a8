using System.Net;
using System.Net.Http.Headers;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Events;

// Plivo refusing a call (4xx) cannot be played by the built-in simulator, so this runs the engine as
// its own process against a separate fake Plivo that answers 400.
[NonParallelizable]
public sealed class RefusedCallEventTests
{
    private FakePlivo _plivo = null!;
    private AppProcess _app = null!;
    private HttpClient _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _plivo = await FakePlivo.StartAsync();
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var run = Guid.NewGuid().ToString("N")[..8];
        var settings = TestSettings.For(baseUrl, TestEnvironment.Redis.Configuration, $"refused:{{{run}}}:", $"{{refused-jobs-{run}}}:");
        settings["Plivo:BaseUrl"] = _plivo.BaseUrl;
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
