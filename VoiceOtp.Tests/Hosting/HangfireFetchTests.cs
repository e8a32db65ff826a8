using Hangfire;
using Hangfire.Common;
using Hangfire.Redis.StackExchange;
using Hangfire.States;
using VoiceOtp.Core.Events;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Hosting;

// Hangfire's Redis storage wakes idle workers by pub/sub, and a notice can be lost (published while
// a worker is between looking at its queue and waiting, or while the subscription reconnects).
// The engine's workers still look at their queue every Jobs:FetchTimeoutMs (1 s by default).
[NonParallelizable]
public sealed class HangfireFetchTests
{
    [Test]
    public async Task Job_Runs_WhenItReachesTheQueueWithoutAPubSubNotice()
    {
        await using var engine = await DedicatedEngine.StartAsync();
        const string prefix = DedicatedEngine.JobsPrefix;
        var storage = new RedisStorage(engine.Redis.Connection, new RedisStorageOptions { Prefix = prefix });
        var client = new BackgroundJobClient(storage);
        var db = engine.Redis.Connection.GetDatabase();

        // Created in a queue no worker reads (its notice wakes the workers, who find nothing), then
        // moved to theirs by hand, which publishes nothing.
        var id = client.Create(Job.FromExpression<DeliverEventJob>(j => j.RunAsync("gone.session.verified", CancellationToken.None)),
            new EnqueuedState("parked"));
        await Task.Delay(300);
        await db.ListMoveAsync(prefix + "queue:parked", prefix + "queue:default",
            StackExchange.Redis.ListSide.Right, StackExchange.Redis.ListSide.Left);

        // Hangfire's own fallback would leave it enqueued for 3 minutes; the event is gone, so it fails.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? state;
        do
        {
            await Task.Delay(100);
            using var connection = storage.GetConnection();
            state = connection.GetStateData(id)?.Name;
        }
        while ((state == EnqueuedState.StateName || state == ProcessingState.StateName) && DateTime.UtcNow < deadline);

        Assert.That(state, Is.EqualTo(FailedState.StateName), "a worker took the job although no notice was published");
    }
}
