using Prometheus;
using VoiceOtp.Core;

namespace VoiceOtp.Web.Metrics;

// Connects prometheus-net to the .NET meters when the app starts. prometheus-net's built-in adapter
// would only start at the first scrape and drop everything measured before it.
public sealed class MetricsExport(VoiceOtpMetrics created) : IHostedService
{
    private static readonly string[] ExportedMeters = [VoiceOtpMetrics.MeterName, "Microsoft.AspNetCore.Hosting"];

    // ASP.NET's in-flight gauge costs the adapter two labelled updates per request, a third of what
    // metrics cost a wrong code; the request histogram (and its count) stays.
    private const string InFlightRequests = "http.server.active_requests";

    private IDisposable? _adapter;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // VoiceOtpMetrics is taken only to create its instruments now, so the series exist from the start.
        GC.KeepAlive(created);
        _adapter = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            InstrumentFilterPredicate = i => ExportedMeters.Contains(i.Meter.Name) && i.Name != InFlightRequests,
            ResolveHistogramBuckets = i => i.Meter.Name == VoiceOtpMetrics.MeterName
                ? VoiceOtpMetrics.SecondsBuckets
                : Histogram.ExponentialBuckets(0.001, 2, 16),
            // Our label sets are small and closed, so idle series need not be dropped after the
            // default five minutes (a dropped series would restart from zero).
            MetricsExpireAfter = TimeSpan.FromDays(1),
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _adapter?.Dispose();
        return Task.CompletedTask;
    }
}
