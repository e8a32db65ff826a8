using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Prometheus;
using VoiceOtp.Core;
using VoiceOtp.Web.Metrics;

namespace VoiceOtp.Web.Hosting;

// System.Diagnostics.Metrics instruments, exported in Prometheus text format by prometheus-net's
// meter adapter (OpenTelemetry's Prometheus exporter is still a beta).
public static class MetricsRegistration
{
    public const string Policy = "Metrics";

    private static readonly string[] ExportedMeters = [VoiceOtpMetrics.MeterName, "Microsoft.AspNetCore.Hosting"];

    public static IServiceCollection AddVoiceOtpMetrics(this IServiceCollection services)
    {
        // prometheus-net keeps its registry in static state; this runs once per process.
        Prometheus.Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
        {
            SuppressEventCounters = true,
            SuppressDebugMetrics = true,
        });
        Prometheus.Metrics.ConfigureMeterAdapter(o =>
        {
            o.InstrumentFilterPredicate = i => ExportedMeters.Contains(i.Meter.Name);
            o.ResolveHistogramBuckets = i => i.Meter.Name == VoiceOtpMetrics.MeterName ? VoiceOtpMetrics.SecondsBuckets : Histogram.ExponentialBuckets(0.001, 2, 16);
            // Our label sets are small and closed, so idle series need not be dropped after the
            // default five minutes (a dropped counter would restart from zero).
            o.MetricsExpireAfter = TimeSpan.FromDays(1);
        });
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        services.AddHostedService<JobMetrics>();
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<MetricsOptions>>((auth, o) =>
            auth.AddPolicy(Policy, HangfireRegistration.DashboardRuleOr(o.Value.RequireDashboardAuth)));
        return services;
    }

    public static IEndpointRouteBuilder MapVoiceOtpMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMetrics("/metrics").RequireAuthorization(Policy);
        return endpoints;
    }
}
