using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Redis.StackExchange;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using VoiceOtp.Core;
using VoiceOtp.Core.Events;
using VoiceOtp.Web.Dashboard;

namespace VoiceOtp.Web.Hosting;

public static class HangfireRegistration
{
    public const string DashboardPolicy = "JobsDashboard";

    // Calls do not go through Hangfire (see CallQueue); the server runs the event jobs.
    public static readonly string[] Queues = ["default"];

    public static IServiceCollection AddVoiceOtpHangfire(this IServiceCollection services)
    {
        services.AddHangfire((sp, cfg) => cfg
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseFilter(new FailedJobExpiryFilter(
                TimeSpan.FromDays(sp.GetRequiredService<IOptions<JobsOptions>>().Value.FailedJobRetentionDays)))
            .UseFilterProvider(new DeliveryRetryPolicy(sp.GetRequiredService<IOptions<EventOptions>>().Value.RetryDelays))
            .UseFilter(new SucceededJobRetentionFilter(
                TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<JobsOptions>>().Value.SucceededJobRetentionSeconds)))
            .UseRedisStorage(sp.GetRequiredService<JobStorageConnection>().Multiplexer, new RedisStorageOptions
            {
                Prefix = sp.GetRequiredService<IOptions<RedisOptions>>().Value.JobsPrefix,
                FetchTimeout = TimeSpan.FromMilliseconds(sp.GetRequiredService<IOptions<JobsOptions>>().Value.FetchTimeoutMs),
            }));
        services.AddSingleton<HangfireServerName>();
        services.AddHangfireServer((sp, o) =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            o.ServerName = sp.GetRequiredService<HangfireServerName>().Value;
            o.Queues = Queues;
            o.WorkerCount = jobs.WorkerCount;
            o.SchedulePollingInterval = TimeSpan.FromMilliseconds(jobs.SchedulePollingIntervalMs);
        });

        // Hangfire checks antiforgery tokens on its POST actions only when the service is registered.
        services.AddAntiforgery();
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, DashboardAuthenticationHandler>(
                DashboardAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(DashboardPolicy, p => p
            .AddAuthenticationSchemes(DashboardAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        return services;
    }

    // The dashboard's access rule for other operator endpoints (health, metrics), or anyone at all.
    public static AuthorizationPolicy DashboardRuleOr(bool requireDashboardAuth) => requireDashboardAuth
        ? new AuthorizationPolicyBuilder(DashboardAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build()
        : new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();

    private static int _callPageAdded;

    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        // Hangfire's route table and menu are process-wide, so the page is added once and finds the
        // queue of the app that serves the request.
        if (Interlocked.Exchange(ref _callPageAdded, 1) == 0)
        {
            DashboardRoutes.Routes.AddRazorPage(CallQueuePage.Route, _ => new CallQueuePage());
            NavigationMenu.Items.Add(page => new MenuItem("Calls", page.Url.To(CallQueuePage.Route))
            {
                Active = page.RequestPath.StartsWith(CallQueuePage.Route, StringComparison.Ordinal),
            });
        }
        endpoints.MapHangfireDashboardWithAuthorizationPolicy(DashboardPolicy, "/hangfire", new DashboardOptions
        {
            DisplayStorageConnectionString = false,
            DashboardTitle = "VoiceOtp jobs",
        });
        return endpoints;
    }
}
