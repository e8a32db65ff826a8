using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceOtp.Core;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Web.Hosting;

public static class RedisRegistration
{
    // One multiplexer for the whole process, shared by our stores and by Hangfire's storage.
    public static IServiceCollection AddVoiceOtpRedis(this IServiceCollection services)
    {
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var config = ConfigurationOptions.Parse(sp.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration);
            config.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(config);
        });
        services.AddSingleton(sp => new RedisKeys(sp.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix));
        services.AddSingleton<RedisScriptLoader>();
        services.AddHostedService<RedisScriptsStartup>();
        return services;
    }
}
