using System.Diagnostics.Metrics;
using Hangfire;
using StackExchange.Redis;
using VoiceOtp.Core;
using VoiceOtp.Web.Hosting;

namespace VoiceOtp.Web.Metrics;

// Hangfire's backlog as gauges, read from its monitoring API when Prometheus scrapes: one LLEN per
// queue and two counter reads, cheap enough for every scrape.
public sealed class JobMetrics(IMeterFactory meters, JobStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var meter = meters.Create(VoiceOtpMetrics.MeterName);
        meter.CreateObservableGauge("jobs.enqueued", () => Read(m =>
            HangfireRegistration.Queues.Select(q => new Measurement<long>(m.EnqueuedCount(q), new KeyValuePair<string, object?>("queue", q)))),
            description: "Hangfire jobs waiting in each queue");
        meter.CreateObservableGauge("jobs.scheduled", () => Read(m => [new Measurement<long>(m.ScheduledCount())]),
            description: "Hangfire jobs scheduled for later (retries of unanswered calls)");
        meter.CreateObservableGauge("jobs.failed", () => Read(m => [new Measurement<long>(m.FailedCount())]),
            description: "Hangfire jobs in the failed state (kept for Jobs:FailedJobRetentionDays)");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // With Redis away there is nothing to report; the scrape still answers with the other series.
    private IEnumerable<Measurement<long>> Read(Func<Hangfire.Storage.IMonitoringApi, IEnumerable<Measurement<long>>> read)
    {
        try
        {
            return read(storage.GetMonitoringApi()).ToList();
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            return [];
        }
    }
}
