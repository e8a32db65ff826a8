using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.PlivoSimulator;

// Cancel on lock through the built-in simulator: a retry that rings for a long time (a number ending
// in 07 answers late) is hung up with Plivo's DELETE when the session locks, and ends as cancelled.
// Its own process, because the in-process host answers late after one second only.
[NonParallelizable]
public sealed class SimulatedCancelTests
{
    private AppProcess _app = null!;
    private HttpClient _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var run = Guid.NewGuid().ToString("N")[..8];
        var settings = TestSettings.For(baseUrl, TestEnvironment.Redis.Configuration, $"simcancel:{{{run}}}:", $"{{simcancel-jobs-{run}}}:");
        settings["Plivo:Simulator"] = "true";
        settings["Plivo:SimulatorAnswerDelaySeconds"] = "20";
        settings["VoiceOtp:MaxVerifyAttempts"] = "1";
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
    }

    [Test]
    public async Task LockDuringARingingRetry_HangsTheCallUp_AndNoFurtherCallFollows()
    {
        var number = TestPhones.Ending("07");
        await _api.PostAsJsonAsync("/simulator/unanswered", new { destination_number = number, calls = 1 });
        var (_, body) = await Api.DispatchAsync(_api, number);
        var sessionId = (string)body["session_uuid"]!;
        await WaitForAsync(sessionId, s => Outcomes(s).SequenceEqual(["no_answer", "ringing"]));

        var (status, _) = await Api.VerifyAsync(_api, number, "000000");
        var ended = await WaitForAsync(sessionId, s => Outcomes(s).SequenceEqual(["no_answer", "cancelled"]));
        await Task.Delay(2500);
        var calls = await SimulatorCalls.ListAsync(_api, number);

        Assert.That(status, Is.EqualTo(HttpStatusCode.TooManyRequests), "one wrong code locks this session");
        Assert.That((string?)ended["session_status"], Is.EqualTo("locked"));
        Assert.That(calls, Has.Count.EqualTo(2), "no call after the lock");
        Assert.That((string?)calls[1]!["status"], Is.EqualTo("cancel"));
        Assert.That((string?)calls[1]!["heard"], Is.Null, "the hung-up call spoke nothing");
    }

    private async Task<JsonObject> WaitForAsync(string sessionId, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (_, s) = await Api.GetAsync(_api, "/sessions/" + sessionId);
            if (done(s) || DateTime.UtcNow > deadline)
            {
                Assert.That(done(s), Is.True, "status never showed the expected calls: " + s.ToJsonString());
                return s;
            }
            await Task.Delay(50);
        }
    }

    private static IEnumerable<string?> Outcomes(JsonObject status) =>
        status["calls"]!.AsArray().Select(c => (string?)c!["outcome"]).ToList();
}
