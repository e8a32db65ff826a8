using Microsoft.Extensions.Diagnostics.HealthChecks;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Web.Health;

// Also reloads scripts that a Redis restart dropped, so readiness recovers with Redis.
public sealed class LuaScriptsCheck(RedisScriptLoader scripts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await scripts.EnsureLoadedAsync() ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy();
}
