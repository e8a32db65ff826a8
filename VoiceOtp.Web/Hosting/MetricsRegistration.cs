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

    public static IServiceCollection AddVoiceOtpMetrics(this IServiceCollection services)
    {
        // prometheus-net keeps its registry in static state; this runs once per process. Its own
        // meter adapter is replaced by MetricsExport, and event counters are left out as noise.
        Prometheus.Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
        {
            SuppressMeters = true,
            SuppressEventCounters = true,
            SuppressDebugMetrics = true,
        });
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        services.AddHostedService<MetricsExport>();
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
