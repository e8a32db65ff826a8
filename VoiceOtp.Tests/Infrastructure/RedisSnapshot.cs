using System.Text;
using StackExchange.Redis;

namespace VoiceOtp.Tests.Infrastructure;

// A key-by-key picture of everything under some prefixes: each key's type, its whole value read
// the way its type is read (hash fields and set members sorted, so the order Redis happens to
// return does not matter), and whether it has a TTL. Two pictures are equal only if nothing was
// written, deleted, or had its TTL added or removed in between.
public static class RedisSnapshot
{
    public static async Task<SortedDictionary<string, string>> TakeAsync(
        IConnectionMultiplexer redis, IEnumerable<string> prefixes, Func<string, bool>? ignore = null)
    {
        var server = redis.GetServers()[0];
        var db = redis.GetDatabase();
        var picture = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var prefix in prefixes)
        {
            await foreach (var key in server.KeysAsync(pattern: Glob(prefix) + "*", pageSize: 500))
            {
                var name = key.ToString();
                if (ignore?.Invoke(name) == true)
                    continue;
                var value = await ReadAsync(db, key);
                if (value is null)
                    continue; // expired or deleted between SCAN and the read
                var ttl = await db.KeyTimeToLiveAsync(key);
                picture[name] = value + (ttl is null ? " [no ttl]" : " [ttl]");
            }
        }
        return picture;
    }

    // Lines naming each key that differs, for a readable failure message.
    public static IReadOnlyList<string> Diff(IDictionary<string, string> before, IDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b)
            .Select(k => $"{k}: {(before.TryGetValue(k, out var b) ? b : "(absent)")} -> {(after.TryGetValue(k, out var a) ? a : "(absent)")}")
            .ToList();

    private static async Task<string?> ReadAsync(IDatabase db, RedisKey key)
    {
        var type = await db.KeyTypeAsync(key);
        var text = new StringBuilder(type.ToString()).Append(' ');
        switch (type)
        {
            case RedisType.String:
                text.Append((string?)await db.StringGetAsync(key));
                break;
            case RedisType.Hash:
                foreach (var e in (await db.HashGetAllAsync(key)).OrderBy(e => (string?)e.Name, StringComparer.Ordinal))
                    text.Append(e.Name).Append('=').Append(e.Value).Append(';');
                break;
            case RedisType.List:
                foreach (var v in await db.ListRangeAsync(key))
                    text.Append(v).Append(';');
                break;
            case RedisType.Set:
                foreach (var v in (await db.SetMembersAsync(key)).Select(v => (string?)v).Order(StringComparer.Ordinal))
                    text.Append(v).Append(';');
                break;
            case RedisType.SortedSet:
                foreach (var e in await db.SortedSetRangeByRankWithScoresAsync(key))
                    text.Append(e.Element).Append('@').Append(e.Score).Append(';');
                break;
            case RedisType.None:
                return null;
            default:
                // Streams and anything newer: DUMP is exact for them.
                text.Append(Convert.ToBase64String((byte[]?)await db.KeyDumpAsync(key) ?? []));
                break;
        }
        return text.ToString();
    }

    private static string Glob(string prefix)
    {
        var escaped = new StringBuilder();
        foreach (var c in prefix)
            escaped.Append(c is '*' or '?' or '[' or ']' or '\\' or '{' or '}' ? "\\" + c : c.ToString());
        return escaped.ToString();
    }
}
