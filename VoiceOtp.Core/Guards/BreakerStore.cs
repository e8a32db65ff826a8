using System.Globalization;
using StackExchange.Redis;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Guards;

// The admin's view of the breakers that admit.lua trips: list the open ones, reset a country.
public sealed class BreakerStore(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider clock)
{
    private readonly IDatabase _db = redis.GetDatabase();

    public async Task<IReadOnlyList<BreakerState>> ListOpenAsync()
    {
        var now = clock.GetUtcNow();
        var open = new List<BreakerState>();
        foreach (var e in await _db.HashGetAllAsync(keys.Breakers))
        {
            var parts = ((string?)e.Value)?.Split('|');
            if (parts is not { Length: 3 } || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var until)
                || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var opened))
                continue;
            var openUntil = DateTimeOffset.FromUnixTimeMilliseconds(until);
            if (openUntil <= now)
                continue;
            var scope = (string)e.Name!;
            var colon = scope.IndexOf(':');
            open.Add(new BreakerState(BreakerScopes.CountryOf(scope), colon < 0 ? null : scope[(colon + 1)..], parts[1],
                DateTimeOffset.FromUnixTimeMilliseconds(opened), openUntil));
        }
        return open.OrderBy(b => b.Country, StringComparer.Ordinal).ThenBy(b => b.Prefix, StringComparer.Ordinal).ToList();
    }

    // Closes the country's breaker and its prefix breakers, and forgets the history behind them
    // (prefixes that never tripped too, found by SCAN: a rare admin action), since otherwise the
    // next dispatch would trip them again at once. Returns how many breakers were open.
    public async Task<int> ResetAsync(string country)
    {
        var open = (await ListOpenAsync()).Count(b => b.Country == country);
        var fields = (await _db.HashKeysAsync(keys.Breakers)).Select(f => (string)f!)
            .Where(s => s == country || s.StartsWith(country + ":", StringComparison.Ordinal)).ToList();
        var history = new List<RedisKey> { keys.ConversionList(country), keys.ConversionStates(country), keys.CallWindow(country) };
        foreach (var server in redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
            foreach (var pattern in new[] { keys.ConversionList(country + ":*"), keys.ConversionStates(country + ":*") })
                await foreach (var key in server.KeysAsync(_db.Database, Glob(pattern)))
                    history.Add(key);
        var tx = _db.CreateTransaction();
        if (fields.Count > 0)
            _ = tx.HashDeleteAsync(keys.Breakers, fields.Select(f => (RedisValue)f).ToArray());
        _ = tx.KeyDeleteAsync(history.Distinct().ToArray());
        await tx.ExecuteAsync();
        return open;
    }

    // Escapes glob characters in our prefix; the trailing * stays a wildcard.
    private static string Glob(string pattern) =>
        string.Concat(pattern[..^1].Select(c => c is '*' or '?' or '[' or ']' or '\\' ? "\\" + c : c.ToString())) + "*";
}
