using Microsoft.Extensions.Options;
using VoiceOtp.Core;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Guards;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Web.Hosting;

public static class CoreRegistration
{
    public static IServiceCollection AddVoiceOtpCore(this IServiceCollection services)
    {
        services.AddSingleton(sp => new CodeKeys(Convert.FromBase64String(sp.GetRequiredService<IOptions<VoiceOtpOptions>>().Value.CodeKey)));
        services.AddSingleton<CodeHasher>();
        services.AddSingleton<CodeSealer>();
        services.AddSingleton<PhoneSealer>();
        services.AddSingleton<OtpSessionStore>();
        services.AddSingleton<CallStore>();
        services.AddSingleton<CallRetrySchedule>();
        services.AddSingleton<VoiceOtpMetrics>();
        services.AddSingleton<CallAnswerStore>();
        services.AddSingleton<MakeCallRequestFactory>();
        services.AddSingleton<GuardTags>();
        services.AddSingleton<BreakerScopes>();
        services.AddSingleton<NumberPolicy>();
        services.AddSingleton<FullWindows>();
        services.AddSingleton<Admission>();
        services.AddSingleton<ConversionTracker>();
        services.AddSingleton<SpendRecorder>();
        services.AddSingleton<BreakerStore>();
        services.AddScoped<OtpDispatcher>();
        services.AddScoped<OtpVerifier>();
        services.AddScoped<CallAnswerer>();
        services.AddScoped<HangupRecorder>();
        services.AddScoped<RingRecorder>();
        services.AddSingleton<UncertainCallResolver>();
        services.AddSingleton<CallCanceller>();
        services.AddSingleton<CallQueue>();
        services.AddSingleton<CallPlacer>();
        services.AddHostedService<CallPump>();
        services.AddSingleton<WebhookReplayGuard>();
        return services;
    }
}
