using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceOtp.Core;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Web.Hosting;

public static class RedisRegistration
{
    // Two multiplexers to the same Redis. Our stores make asynchronous calls only, so their replies
    // are read on the .NET thread pool, where the awaiting request continues without a hop from one
    // of the client's own threads (a fifth less engine CPU per verify, see the README's benchmarks).
    // Hangfire's storage blocks its callers on synchronous calls: its replies keep the client's
    // dedicated threads, so a busy thread pool can never hold up the reply a blocked thread waits for.
    public static IServiceCollection AddVoiceOtpRedis(this IServiceCollection services)
    {
        services.AddSingleton<IConnectionMultiplexer>(sp =>
            Connect(sp.GetRequiredService<IOptions<RedisOptions>>().Value, SocketManager.ThreadPool));
        services.AddSingleton(sp =>
            new JobStorageConnection(Connect(sp.GetRequiredService<IOptions<RedisOptions>>().Value, SocketManager.Shared)));
        services.AddSingleton(sp => new RedisKeys(sp.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix,
            sp.GetRequiredService<Core.Codes.CodeKeys>()));
        services.AddSingleton<RedisScriptLoader>();
        services.AddHostedService<RedisScriptsStartup>();
        return services;
    }

    private static ConnectionMultiplexer Connect(RedisOptions o, SocketManager sockets)
    {
        var config = ConfigurationOptions.Parse(o.Configuration);
        if (o.Password.Length > 0)
            config.Password = o.Password;
        config.SocketManager = sockets;
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
    }
}
