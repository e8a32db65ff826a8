using Microsoft.Extensions.Options;
using VoiceOtp.Core.Events;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Web.Hosting;

public static class EventsRegistration
{
    public const string CallbackHttpClient = "voiceotp-callbacks";

    public static IServiceCollection AddSessionEvents(this IServiceCollection services)
    {
        services.AddOptions<EventOptions>().BindConfiguration(EventOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EventOptions>, EventOptionsValidator>();
        services.AddSingleton<CallbackHostList>();
        services.AddSingleton<CallbackUrlPolicy>();
        services.AddSingleton<CallbackConnector>();
        services.AddSingleton<SessionStatusStore>();
        services.AddSingleton<EventOutbox>();
        services.AddScoped<SessionEvents>();
        services.AddTransient<DeliverEventJob>();
        services.AddTransient<SessionExpiryJob>();
        services.AddHostedService<EventOutboxPump>();

        // No resilience handler: Hangfire is the one retry layer. No proxy (it would connect on
        // our behalf and bypass the address check), no redirects, small header limit.
        services.AddHttpClient<CallbackClient>((sp, http) =>
                http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<EventOptions>>().Value.CallbackTimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(3),
                MaxResponseHeadersLength = 16,
                MaxResponseDrainSize = 4096,
                PooledConnectionLifetime = TimeSpan.FromMinutes(1),
                ConnectCallback = sp.GetRequiredService<CallbackConnector>().ConnectAsync,
            });
        return services;
    }
}
