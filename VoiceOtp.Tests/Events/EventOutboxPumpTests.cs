using Hangfire;
using Hangfire.Redis.StackExchange;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceOtp.Core.Events;
using VoiceOtp.Tests.Infrastructure;
using VoiceOtp.Web.Hosting;

namespace VoiceOtp.Tests.Events;

// The pump on its own: the outbox in the shared Redis under a prefix of its own, Hangfire's storage
// in a redis-server of its own that the test stops and starts.
[NonParallelizable]
public sealed class EventOutboxPumpTests
{
    [Test]
    public async Task Pump_KeepsRunning_WhileJobStorageIsDown_AndCreatesTheJobWhenItIsBack()
    {
        await using var storageRedis = await RedisServer.StartAsync();
        var storage = new RedisStorage(storageRedis.Connection, new RedisStorageOptions { Prefix = "{pump-jobs}:" });
        var keys = TestSettings.KeysFor($"pump-{Guid.NewGuid():N}:");
        var outbox = new EventOutbox(TestEnvironment.Redis.Connection, keys, Options.Create(new EventOptions()));
        var pump = new EventOutboxPump(outbox, new BackgroundJobClient(storage), TimeProvider.System,
            NullLogger<EventOutboxPump>.Instance);
        var db = TestEnvironment.Redis.Connection.GetDatabase();
        const string entry = "d s1.session.verified";

        await storageRedis.StopAsync();
        await pump.StartAsync(CancellationToken.None);
        try
        {
            await outbox.AppendAsync(SessionEvent.Create(SessionEvent.SessionVerified, "s1", null, "http://127.0.0.1/x",
                DateTimeOffset.UtcNow, "+44********01"));

            // A claimed entry whose job could not be created is released (lease 0), not left leased.
            await WaitUntilAsync("released", async () => await db.SortedSetScoreAsync(keys.EventClaims, entry) == 0);
            Assert.That(pump.ExecuteTask!.IsCompleted, Is.False, "the pump is still running after the storage failed");

            await storageRedis.StartAgainAsync();
            await WaitUntilAsync("enqueued", () => Task.FromResult(storage.GetMonitoringApi().EnqueuedCount("default") == 1));

            Assert.That(pump.ExecuteTask.IsCompleted, Is.False);
            await WaitUntilAsync("done", async () => await db.SortedSetScoreAsync(keys.EventClaims, entry) is null);
            Assert.That(await outbox.ClaimAsync(DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromSeconds(30), 10), Is.Empty,
                "the entry left the outbox once its job existed");
            Assert.That(storage.GetMonitoringApi().EnqueuedCount("default"), Is.EqualTo(1), "one job, not one per attempt");
        }
        finally
        {
            await pump.StopAsync(CancellationToken.None);
        }
    }

    private static async Task WaitUntilAsync(string what, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await TryAsync(condition))
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"never {what}");
            await Task.Delay(100);
        }
    }

    private static async Task<bool> TryAsync(Func<Task<bool>> condition)
    {
        try
        {
            return await condition();
        }
        catch (RedisConnectionException)
        {
            return false;
        }
    }
}
