using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceOtp.Core;
using VoiceOtp.Core.Calls;

namespace VoiceOtp.Web.Hosting;

// Drains the call queue in every engine instance: claims due calls in batches (claim-calls.lua),
// places each one concurrently, up to Calls:Parallelism at a time, with async I/O only. It sleeps
// until a dispatch publishes on the wake channel, the next call falls due, or the fallback poll.
public sealed partial class CallPump(
    IConnectionMultiplexer redis,
    CallQueue queue,
    IServiceProvider services,
    IOptions<CallPumpOptions> pumpOptions,
    IOptions<VoiceOtpOptions> options,
    ILogger<CallPump> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private static readonly TimeSpan RedisBackoff = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = pumpOptions.Value;
        if (!o.PumpEnabled)
        {
            Log.Disabled(logger);
            return;
        }
        await Task.Yield();
        // Resolved here, not injected: hosted services are built before options are validated at
        // start, and the placer's typed HttpClient would read Plivo's options first.
        var placer = services.GetRequiredService<CallPlacer>();
        var upkeep = UpkeepAsync(services.GetRequiredService<UncertainCallResolver>(),
            services.GetRequiredService<CallCanceller>(), TimeSpan.FromMilliseconds(o.PollIntervalMs), stoppingToken);
        await SubscribeAsync();
        var slots = new SemaphoreSlim(o.Parallelism, o.Parallelism);
        var poll = TimeSpan.FromMilliseconds(o.PollIntervalMs);
        var running = new HashSet<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var taken = 1;
                while (taken < o.Parallelism && slots.Wait(0))
                    taken++;
                ClaimedBatch batch;
                try
                {
                    batch = await queue.ClaimAsync(taken, placer.Lease, options.Value.CallsPerSecond, placer.UncertainWindow);
                }
                catch (Exception e) when (e is RedisException or RedisTimeoutException)
                {
                    slots.Release(taken);
                    Log.RedisFailed(logger, e.GetType().Name);
                    await Task.Delay(RedisBackoff, stoppingToken);
                    continue;
                }
                if (taken > batch.Calls.Count)
                    slots.Release(taken - batch.Calls.Count);
                foreach (var call in batch.Calls)
                {
                    var task = PlaceAsync(placer, call, slots);
                    lock (running)
                        running.Add(task);
                    _ = task.ContinueWith(t => { lock (running) running.Remove(t); }, TaskScheduler.Default);
                }
                if (batch.Calls.Count == 0)
                    await SleepAsync(batch.NextDueIn is { } due && due < poll ? due : poll, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        Task[] pending;
        lock (running)
            pending = running.ToArray();
        // Calls already posting finish (their request is not cancelled); the host's shutdown timeout bounds this.
        await Task.WhenAll(pending);
        await upkeep;
    }

    // Beside the claims: uncertain calls whose evidence window passed, and calls of sessions that
    // ended (verified or locked) still to be stopped at Plivo. Both are rare, so a poll suffices.
    private async Task UpkeepAsync(UncertainCallResolver resolver, CallCanceller canceller, TimeSpan poll,
        CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var busy = await resolver.ResolveDueAsync() + await canceller.CancelDueAsync(stoppingToken);
                if (busy == 0)
                    await Task.Delay(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // This loop is awaited only at shutdown: an exception let out would end it silently,
                // and ended sessions' calls would ring on until a restart.
                if (e is RedisException or RedisTimeoutException)
                    Log.RedisFailed(logger, e.GetType().Name);
                else
                    Log.UpkeepFailed(logger, e.GetType().Name);
                try
                {
                    await Task.Delay(RedisBackoff, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task PlaceAsync(CallPlacer placer, CallRef call, SemaphoreSlim slots)
    {
        try
        {
            await placer.PlaceAsync(call, CancellationToken.None);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException or HttpRequestException or TaskCanceledException)
        {
            // The lease settles it: a call never marked posting returns to ready, one marked posting
            // becomes uncertain.
            Log.CallFailed(logger, call.SessionId, call.CallNumber, e.GetType().Name);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task SubscribeAsync()
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(queue.WakeChannel), (_, _) => Wake());
        }
        catch (RedisException e)
        {
            // The poll still drains the queue; StackExchange.Redis resubscribes on reconnect.
            Log.RedisFailed(logger, e.GetType().Name);
        }
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    private async Task SleepAsync(TimeSpan timeout, CancellationToken stoppingToken) =>
        await _wake.WaitAsync(timeout, stoppingToken);

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
