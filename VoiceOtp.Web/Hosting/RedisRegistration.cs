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
            var o = sp.GetRequiredService<IOptions<RedisOptions>>().Value;
            var config = ConfigurationOptions.Parse(o.Configuration);
            if (o.Password.Length > 0)
                config.Password = o.Password;
            // Start and keep reconnecting while Redis is down or restarting; calls in the meantime
            // fail after TimeoutMs and answer 503.
            config.AbortOnConnectFail = false;
            config.SyncTimeout = o.TimeoutMs;
            config.AsyncTimeout = o.TimeoutMs;
            config.ConnectTimeout = o.ConnectTimeoutMs;
            // The client notices timed-out calls on its heartbeat (1 s by default), so a quicker
            // beat keeps a stalled Redis's 503 close to TimeoutMs.
            config.HeartbeatInterval = TimeSpan.FromMilliseconds(Math.Clamp(o.TimeoutMs / 4, 100, 1000));
            // redis.conf disables CONFIG; the client would otherwise ask for it on every connect.
            config.CommandMap = CommandMap.Create(new HashSet<string> { "CONFIG" }, available: false);
            return ConnectionMultiplexer.Connect(config);
        });
        services.AddSingleton(sp => new RedisKeys(sp.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix,
            sp.GetRequiredService<Core.Codes.CodeKeys>()));
        services.AddSingleton<RedisScriptLoader>();
        services.AddHostedService<RedisScriptsStartup>();
        return services;
    }
}
