using VoiceOtp.Core.Redis;

namespace VoiceOtp.Web.Hosting;

// Registered before the Hangfire server, so no job runs before its scripts are in place.
public sealed class RedisScriptsStartup(RedisScriptLoader scripts) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => scripts.LoadAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
