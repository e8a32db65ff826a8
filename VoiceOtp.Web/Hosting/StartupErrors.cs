using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Web.Hosting;

// Checked before the host starts: a failure inside the host's start is logged as "Hosting failed to
// start" with a stack trace, while an operator needs one line per problem, naming the setting.
public static class StartupErrors
{
    public static void ThrowIfAny(IServiceProvider services)
    {
        var problems = Find(services);
        if (problems.Count > 0)
            throw new StartupException(problems);
    }

    private static IReadOnlyList<string> Find(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            return [.. e.InnerExceptions.SelectMany(i => ((OptionsValidationException)i).Failures)];
        }

        RedisScriptLoader scripts;
        try
        {
            scripts = services.GetRequiredService<RedisScriptLoader>();
        }
        catch (ArgumentException)
        {
            // Not the parser's message: it may quote the configuration string, password included.
            return ["Redis:Configuration is not a valid StackExchange.Redis configuration string"];
        }
        try
        {
            // Blocking is fine here: nothing else runs yet, and there is no synchronization context.
            scripts.LoadAsync().GetAwaiter().GetResult();
        }
        catch (RedisConnectionException e)
        {
            return [$"Redis at {scripts.Endpoints} cannot be reached ({e.FailureType}); check Redis:Configuration and that redis-server runs"];
        }
        catch (RedisServerException)
        {
            return [$"Redis at {scripts.Endpoints} refused to load VoiceOtp's Lua scripts"];
        }
        catch (TypeInitializationException e) when (e.InnerException is InvalidOperationException missing)
        {
            return [missing.Message];
        }
        return [];
    }
}
