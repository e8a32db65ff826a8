using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using VoiceOtp.Core;
using VoiceOtp.Core.Guards;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Core.Redis;
using VoiceOtp.Web.Dashboard;
using VoiceOtp.Web.PlivoSimulator;

namespace VoiceOtp.Web.Hosting;

public static class OptionsRegistration
{
    public static IServiceCollection AddVoiceOtpOptions(this IServiceCollection services)
    {
        services.AddOptions<VoiceOtpOptions>().BindConfiguration(VoiceOtpOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VoiceOtpOptions>, VoiceOtpOptionsValidator>();
        services.AddOptions<GuardOptions>().BindConfiguration(GuardOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GuardOptions>, GuardOptionsValidator>();

        services.AddOptions<PlivoOptions>().BindConfiguration(PlivoOptions.Section)
            .PostConfigure<IOptions<VoiceOtpOptions>>(FillDefaults).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PlivoOptions>, PlivoOptionsValidator>();
        services.AddSingleton<IValidateOptions<PlivoOptions>, SimulatorOptionsValidator>();

        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section)
            .Validate(r => RedisKeys.HasHashTag(r.KeyPrefix),
                "Redis:KeyPrefix must contain a {hash tag} (e.g. voiceotp:{o}:), so that the dispatch script's keys share one slot")
            .Validate(r => r.TimeoutMs is >= 100 and <= 60_000, "Redis:TimeoutMs must be between 100 and 60000")
            .Validate(r => r.ConnectTimeoutMs is >= 100 and <= 60_000, "Redis:ConnectTimeoutMs must be between 100 and 60000")
            .ValidateOnStart();
        services.AddOptions<CallPumpOptions>().BindConfiguration(CallPumpOptions.Section)
            .Validate(c => c.Parallelism is >= 1 and <= 1024, "Calls:Parallelism must be between 1 and 1024")
            .Validate(c => c.PollIntervalMs is >= 10 and <= 60_000, "Calls:PollIntervalMs must be between 10 and 60000")
            .ValidateOnStart();
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section)
            .Validate(j => j.WorkerCount is >= 1 and <= 64, "Jobs:WorkerCount must be between 1 and 64")
            .Validate(j => j.SchedulePollingIntervalMs is >= 100 and <= 60_000, "Jobs:SchedulePollingIntervalMs must be between 100 and 60000")
            .Validate(j => j.FetchTimeoutMs is >= 100 and <= 300_000, "Jobs:FetchTimeoutMs must be between 100 and 300000")
            .Validate(j => j.FailedJobRetentionDays is >= 1 and <= 365, "Jobs:FailedJobRetentionDays must be between 1 and 365")
            .Validate(j => j.SucceededJobRetentionSeconds is >= 60 and <= 604_800, "Jobs:SucceededJobRetentionSeconds must be between 60 and 604800")
            .ValidateOnStart();
        services.AddOptions<DashboardAccessOptions>().BindConfiguration(DashboardAccessOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardAccessOptions>, DashboardAccessOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    // With the simulator the credentials only have to agree with themselves, so they are made up for
    // this process and never leave it, and Plivo is reached at our own origin. Configured real
    // credentials are replaced, never sent: the simulator is not Plivo.
    private static void FillDefaults(PlivoOptions plivo, IOptions<VoiceOtpOptions> voiceOtp)
    {
        if (plivo.Simulator)
        {
            plivo.AuthId = "MA" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 18);
            plivo.AuthToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
            if (plivo.CallerId.Length == 0)
                plivo.CallerId = "+14155550100";
            plivo.BaseUrl = plivo.SimulatorOrigin.Length > 0 ? plivo.SimulatorOrigin : voiceOtp.Value.PublicBaseUrl;
        }
        else if (plivo.BaseUrl.Length == 0)
        {
            plivo.BaseUrl = PlivoOptions.ApiOrigin;
        }
    }
}
