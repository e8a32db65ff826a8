using System.Net;
using System.Net.Http.Headers;
using VoiceOtp.Core.Redis;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Calls;

// A dispatch answered 200 is in Redis before the answer: a process killed before it placed the
// call places nothing, and the next process places it, exactly once.
[NonParallelizable]
public sealed class CallSurvivesRestartTests
{
    [Test]
    public async Task DispatchAnswered200_IsPlacedOnceAfterARestart_WhenTheProcessWasKilledBeforeCalling()
    {
        await using var plivo = await FakePlivo.StartAsync();
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var run = Guid.NewGuid().ToString("N")[..8];
        var settings = TestSettings.For(baseUrl, TestEnvironment.Redis.Configuration, $"restart:{{{run}}}:", $"{{restart-jobs-{run}}}:");
        settings["Plivo:BaseUrl"] = plivo.BaseUrl;
        settings["Calls:PumpEnabled"] = "false";
        var number = TestPhones.Next();

        var first = AppProcess.Start(baseUrl, settings);
        HttpStatusCode status;
        await using (first)
        {
            await first.WaitUntilListeningAsync();
            using var api = Client(baseUrl);
            (status, _) = await Api.DispatchAsync(api, number);
        }
        var callsWhileDown = plivo.Calls.Count;

        settings["Calls:PumpEnabled"] = "true";
        await using var second = AppProcess.Start(baseUrl, settings);
        await second.WaitUntilListeningAsync();
        await plivo.WaitForCallAsync(1);
        await WaitUntilQueueIsEmptyAsync(TestSettings.KeysFor(settings["Redis:KeyPrefix"]));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(callsWhileDown, Is.Zero, "the killed process never called");
        Assert.That(plivo.Calls.Select(c => (string?)c.Body["to"]), Is.EqualTo(new[] { number }), "placed once after the restart");
    }

    private static HttpClient Client(string baseUrl)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.ApiKey);
        return client;
    }

    private static async Task WaitUntilQueueIsEmptyAsync(RedisKeys keys)
    {
        var db = TestEnvironment.Redis.Connection.GetDatabase();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var left = await db.SortedSetLengthAsync(keys.ReadyCalls) + await db.SortedSetLengthAsync(keys.LeasedCalls)
                + await db.SortedSetLengthAsync(keys.PostingCalls);
            if (left == 0)
                return;
            await Task.Delay(50);
        }
        Assert.Fail("the queue was never drained");
    }
}
