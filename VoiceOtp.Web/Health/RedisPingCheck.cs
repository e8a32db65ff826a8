using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace VoiceOtp.Web.Health;

public sealed class RedisPingCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await redis.GetDatabase().PingAsync();
        return HealthCheckResult.Healthy();
    }
}
