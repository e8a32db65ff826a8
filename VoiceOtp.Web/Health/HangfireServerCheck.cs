using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using VoiceOtp.Web.Hosting;

namespace VoiceOtp.Web.Health;

// Healthy while this process's own Hangfire server is registered in storage with a recent
// heartbeat; another instance's server does not make this one ready.
public sealed class HangfireServerCheck(JobStorage storage, HangfireServerName server) : IHealthCheck
{
    // Hangfire's own watchdog drops a server whose heartbeat is this old.
    private static readonly TimeSpan ServerTimeout = TimeSpan.FromMinutes(5);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        // The monitoring API is synchronous; keep it off the request thread.
        Task.Run(() =>
        {
            var alive = storage.GetMonitoringApi().Servers().Any(s =>
                s.Name.StartsWith(server.Value, StringComparison.OrdinalIgnoreCase)
                && s.Heartbeat is { } beat && DateTime.UtcNow - beat < ServerTimeout);
            return alive ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy();
        }, cancellationToken);
}
