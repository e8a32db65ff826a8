using System.Net;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Hosting;

// Issue 8's acceptance for Redis, as a new user meets it: the engine in its own process with a
// redis-server of its own, talking to a separate fake Plivo whose callbacks the test plays.
[NonParallelizable]
public sealed class ExternalPlivoRedisAcceptanceTests
{
    [Test]
    public async Task FullRedis_RefusesVerifies_InsteadOfSkippingTheCount()
    {
        await using var plivo = await FakePlivo.StartAsync();
        await using var engine = await DedicatedEngine.StartAsync(redisArguments: ["--maxmemory", "16mb"], plivo: plivo);
        var number = TestPhones.Next();
        var code = await DispatchAndHearAsync(engine, plivo, number, 1);
        await RedisFailureTests.FillAsync(engine.Redis);

        var wrongWhileFull = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
            wrongWhileFull.Add((await Api.VerifyAsync(engine.Api, number, Api.Wrong(code))).Status);
        var (rightWhileFull, _) = await Api.VerifyAsync(engine.Api, number, code);
        await RedisFailureTests.FreeAsync(engine.Redis);
        var (wrongAfter, afterBody) = await Api.VerifyAsync(engine.Api, number, Api.Wrong(code));
        var (rightAfter, _) = await Api.VerifyAsync(engine.Api, number, code);

        Assert.That(wrongWhileFull, Is.All.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(rightWhileFull, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "no verify while the guesses cannot be counted");
        Assert.That(wrongAfter, Is.EqualTo((HttpStatusCode)422));
        Assert.That((int?)afterBody["attempts_remaining"], Is.EqualTo(4), "the refused guesses were never compared");
        Assert.That(rightAfter, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task RedisRestart_LosesNoSession_AndItsQueuedRetryRuns()
    {
        await using var plivo = await FakePlivo.StartAsync();
        await using var engine = await DedicatedEngine.StartAsync(persistent: true, plivo: plivo,
            settings: new Dictionary<string, string> { ["VoiceOtp:RetryDelaysSeconds:0"] = "6" });
        var heard = TestPhones.Next();
        var retried = TestPhones.Next();
        var heardCode = await DispatchAndHearAsync(engine, plivo, heard, 1);
        Assert.That((await Api.DispatchAsync(engine.Api, retried)).Status, Is.EqualTo(HttpStatusCode.OK));
        var first = await WaitForCallAsync(plivo, retried, 1);
        using (await FakePlivo.SendCallbackAsync(engine.Api, (string)first.Body["hangup_url"]!,
            [new("CallUUID", Guid.NewGuid().ToString()), new("CallStatus", "no-answer"), new("HangupCause", "NO_ANSWER"),
                new("To", retried.TrimStart('+')), new("RequestUUID", first.RequestUuid)]))
        {
        }
        Assert.That(CallsTo(plivo, retried), Has.Count.EqualTo(1), "precondition: the retry waits in Redis during the restart");

        await engine.Redis.RestartAsync();
        var retryCode = await FakePlivo.AnswerAndHearAsync(engine.Api, await WaitForCallAsync(plivo, retried, 2));
        var (heardVerified, _) = await Api.VerifyAsync(engine.Api, heard, heardCode);
        var (retriedVerified, _) = await Api.VerifyAsync(engine.Api, retried, retryCode);

        Assert.That(heardVerified, Is.EqualTo(HttpStatusCode.OK), "the answered session survived the restart");
        Assert.That(retriedVerified, Is.EqualTo(HttpStatusCode.OK), "the retry queued before the restart was placed after it");
        Assert.That(engine.App.HasExited, Is.False);
    }

    private static async Task<string> DispatchAndHearAsync(DedicatedEngine engine, FakePlivo plivo, string number, int nth)
    {
        Assert.That((await Api.DispatchAsync(engine.Api, number)).Status, Is.EqualTo(HttpStatusCode.OK));
        return await FakePlivo.AnswerAndHearAsync(engine.Api, await WaitForCallAsync(plivo, number, nth));
    }

    private static async Task<FakePlivo.RecordedCall> WaitForCallAsync(FakePlivo plivo, string number, int nth)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (CallsTo(plivo, number).Count < nth && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.That(CallsTo(plivo, number), Has.Count.GreaterThanOrEqualTo(nth), "the engine asked Plivo for the call");
        return CallsTo(plivo, number)[nth - 1];
    }

    private static List<FakePlivo.RecordedCall> CallsTo(FakePlivo plivo, string number) =>
        plivo.Calls.Where(c => (string?)c.Body["to"] == number).ToList();
}
