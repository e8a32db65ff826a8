using Microsoft.Extensions.Options;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Web.Hosting;

public static class PlivoRegistration
{
    // No resilience handler here on purpose: the call queue (CallQueue) is the only retry layer for the call POST.
    public static IServiceCollection AddPlivo(this IServiceCollection services)
    {
        services.AddHttpClient<PlivoCallClient>((sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<PlivoOptions>>().Value.TimeoutSeconds));
        services.AddScoped<PlivoWebhooks.PlivoSignatureFilter>();
        return services;
    }
}
