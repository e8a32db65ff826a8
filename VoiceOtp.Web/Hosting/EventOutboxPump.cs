using Hangfire;
using StackExchange.Redis;
using VoiceOtp.Core.Events;

namespace VoiceOtp.Web.Hosting;

// Turns outbox entries into Hangfire jobs. Hangfire's Redis storage enqueues with blocking calls,
// so they happen here, one at a time, instead of on request threads: however many requests append
// events, at most one thread per instance blocks on Hangfire. The claim lease lets any instance
// finish what a crashed one had claimed. A crash between creating a job and removing
// its entry makes a second job for the same event, which the job itself notices (delivered).
// A storage failure never ends the pump: the host would stop with it, and the entries it had not
// turned into jobs are handed out again at the next claim rather than after the lease.
public sealed partial class EventOutboxPump(
    EventOutbox outbox,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<EventOutboxPump> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await PumpOnceAsync();
            }
            catch (Exception e) when (e is RedisException or TimeoutException or BackgroundJobClientException
                                          or Hangfire.Storage.DistributedLockTimeoutException)
            {
                Log.Failed(logger, e.GetType().Name, e.InnerException?.GetType().Name ?? "none");
            }
            if (handled == Batch)
                continue;
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(Poll);
            try
            {
                await outbox.Appended.WaitToReadAsync(wait.Token);
                outbox.Appended.TryRead(out _);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<int> PumpOnceAsync()
    {
        var entries = await outbox.ClaimAsync(clock.GetUtcNow(), Lease, Batch);
        if (entries.Count == 0)
            return 0;
        var done = new List<OutboxEntry>(entries.Count);
        try
        {
            foreach (var entry in entries)
            {
                await CreateJobAsync(entry);
                done.Add(entry);
            }
        }
        catch (Exception)
        {
            await outbox.DoneAsync(done);
            await outbox.ReleaseAsync(entries.Skip(done.Count));
            throw;
        }
        await outbox.DoneAsync(done);
        return entries.Count;
    }

    private async Task CreateJobAsync(OutboxEntry entry)
    {
        var id = entry.Id;
        if (entry.Kind == OutboxEntryKind.Delivery)
            jobs.Enqueue<DeliverEventJob>(j => j.RunAsync(id, CancellationToken.None));
        else if (await outbox.ExpiresAtAsync(id) is { } at)
            jobs.Schedule<SessionExpiryJob>(j => j.RunAsync(id, CancellationToken.None), at);
    }
}
