using System.Net;
using StackExchange.Redis;

namespace VoiceOtp.Core.Redis;

// Puts every embedded script into Redis's script cache (SCRIPT LOAD) and tells whether they are
// still there. Correctness does not depend on it, since EVALSHA falls back to EVAL, but it makes a
// missing or broken script fail at start-up and lets readiness say the scripts are in place.
public sealed class RedisScriptLoader(IConnectionMultiplexer redis)
{
    public async Task LoadAsync()
    {
        var servers = Primaries();
        if (servers.Count == 0)
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "no Redis primary is connected");
        foreach (var server in servers)
            foreach (var script in RedisScripts.All)
                await server.ScriptLoadAsync(script);
    }

    // Reloads what a restart or SCRIPT FLUSH removed, so that a recovered Redis reports ready again.
    public async Task<bool> EnsureLoadedAsync()
    {
        var servers = Primaries();
        if (servers.Count == 0)
            return false;
        foreach (var server in servers)
        {
            foreach (var script in RedisScripts.All)
            {
                if (!await server.ScriptExistsAsync(script))
                    await server.ScriptLoadAsync(script);
            }
        }
        return true;
    }

    // Host and port only: the configuration string may also carry a password.
    public string Endpoints => string.Join(", ", redis.GetEndPoints().Select(Describe));

    private List<IServer> Primaries() => [.. redis.GetServers().Where(s => s.IsConnected && !s.IsReplica)];

    private static string Describe(EndPoint e) => e switch
    {
        DnsEndPoint d => $"{d.Host}:{d.Port}",
        _ => e.ToString() ?? "",
    };
}
