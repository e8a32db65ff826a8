using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VoiceOtp.Web.Health;

namespace VoiceOtp.Web.Hosting;

public static class HealthRegistration
{
    public const string Policy = "Health";
    private const string Ready = "ready";

    public static IServiceCollection AddVoiceOtpHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section);
        services.AddHealthChecks()
            .AddCheck<RedisPingCheck>("redis", tags: [Ready], timeout: TimeSpan.FromSeconds(3))
            .AddCheck<LuaScriptsCheck>("scripts", tags: [Ready], timeout: TimeSpan.FromSeconds(3))
            .AddCheck<HangfireServerCheck>("jobs", tags: [Ready], timeout: TimeSpan.FromSeconds(3));
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<HealthOptions>>((auth, o) =>
            auth.AddPolicy(Policy, HangfireRegistration.DashboardRuleOr(o.Value.RequireDashboardAuth)));
        return services;
    }

    public static IEndpointRouteBuilder MapVoiceOtpHealth(this IEndpointRouteBuilder endpoints)
    {
        // Live answers without touching Redis, so a Redis outage does not get the process restarted.
        endpoints.MapHealthChecks("/health/live", Options(_ => false)).RequireAuthorization(Policy);
        endpoints.MapHealthChecks("/health/ready", Options(c => c.Tags.Contains(Ready))).RequireAuthorization(Policy);
        return endpoints;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = HealthResponseWriter.WriteAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };
}
