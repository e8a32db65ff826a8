using System.Net;
using System.Net.Http.Json;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Hosting;

public sealed class RedisRestartTests
{
    [Test]
    public async Task Engine_KeepsSessionsAndRunsTheirQueuedCalls_AcrossARedisRestart()
    {
        // The first call to each number rings out; its retry waits in the call queue (in Redis)
        // while Redis restarts, with the same redis.conf and data folder (AOF and snapshots on).
        await using var engine = await DedicatedEngine.StartAsync(persistent: true, settings: new Dictionary<string, string>
        {
            ["VoiceOtp:RetryDelaysSeconds:0"] = "6",
            ["VoiceOtp:RetryDelaysSeconds:1"] = "6",
        });
        var numbers = Enumerable.Range(0, 3).Select(_ => TestPhones.Next()).ToArray();
        foreach (var number in numbers)
        {
            using var _ = await engine.Api.PostAsJsonAsync("/simulator/unanswered", new { destination_number = number, calls = 1 });
            Assert.That((await Api.DispatchAsync(engine.Api, number)).Status, Is.EqualTo(HttpStatusCode.OK));
        }
        foreach (var number in numbers)
        {
            var calls = await SimulatorCalls.WaitForEndedAsync(engine.Api, number, 1);
            Assert.That(calls, Has.Count.EqualTo(1), "precondition: the retry has not run before the restart");
        }

        await engine.Redis.RestartAsync();
        var codes = new List<string>();
        foreach (var number in numbers)
            codes.Add(await SimulatorCalls.WaitForCodeAsync(engine.Api, number, call: 2));
        var verified = new List<HttpStatusCode>();
        for (var i = 0; i < numbers.Length; i++)
            verified.Add((await Api.VerifyAsync(engine.Api, numbers[i], codes[i])).Status);
        var (fresh, _) = await Api.DispatchAsync(engine.Api, TestPhones.Next());

        Assert.That(verified, Is.All.EqualTo(HttpStatusCode.OK), "every session survived the restart");
        Assert.That(fresh, Is.EqualTo(HttpStatusCode.OK), "the engine reconnected by itself");
        Assert.That(engine.App.HasExited, Is.False);
    }
}
