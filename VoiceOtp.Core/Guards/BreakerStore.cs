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

    // Closes the country's breaker and its prefix breakers, and forgets the history that tripped
    // them; otherwise the next dispatch would trip them again at once.
    public async Task<int> ResetAsync(string country)
    {
        var scopes = (await _db.HashKeysAsync(keys.Breakers)).Select(f => (string)f!)
            .Where(s => s == country || s.StartsWith(country + ":", StringComparison.Ordinal)).ToList();
        if (!scopes.Contains(country))
            scopes.Add(country);
        var tx = _db.CreateTransaction();
        var removed = tx.HashDeleteAsync(keys.Breakers, scopes.Select(s => (RedisValue)s).ToArray());
        _ = tx.KeyDeleteAsync(scopes.SelectMany(s => new RedisKey[] { keys.ConversionList(s), keys.ConversionStates(s) })
            .Append(keys.CallWindow(country)).ToArray());
        await tx.ExecuteAsync();
        return (int)await removed;
    }
}
