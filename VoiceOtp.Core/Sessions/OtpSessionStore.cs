using StackExchange.Redis;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Sessions;

public sealed record NewSession(string Id, string Digest, string Sealed, TimeSpan Ttl, int MaxAttempts,
    int MaxCalls, DateTimeOffset ExpiresAt, string Brand);

public sealed record OpenedSession(string Kind, string Id, DateTimeOffset ExpiresAt, int CallNumber)
{
    public TimeSpan RetryAfter { get; init; }
}

public sealed record SpeakableSession(string Sealed, string Brand);

// The only class that reads or writes session keys.
public sealed class OtpSessionStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    private readonly IDatabase _db = redis.GetDatabase();

    // One EVALSHA: the per-number wrong-code check, the session, its lookup and its queued call are
    // decided and written together or not at all.
    public async Task<OpenedSession> OpenOrJoinAsync(PhoneNumber phone, NewSession s, WrongCodeLimits? limits = null)
    {
        limits ??= WrongCodeLimits.None;
        var r = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.OpenOrJoinSession,
            [keys.Session(phone), keys.SessionLookup(s.Id), keys.ReadyCalls, keys.WrongCodes(phone)],
            [s.Id, s.Digest, s.Sealed, (long)s.Ttl.TotalMilliseconds, s.MaxAttempts, s.MaxCalls,
                s.ExpiresAt.ToUnixTimeMilliseconds(), s.Brand, phone.E164, keys.WakeChannel, limits.PerHour, limits.PerDay]))!;
        var opened = new OpenedSession((string)r[0]!, (string)r[1]!, DateTimeOffset.FromUnixTimeMilliseconds((long)r[2]), (int)r[3]);
        return opened.Kind == "rate_limited" ? opened with { RetryAfter = TimeSpan.FromMilliseconds((long)r[4]) } : opened;
    }

    // Remaining is the attempts left, or for rate_limited the milliseconds until a code may be tried.
    public async Task<(string Kind, string SessionId, long Remaining, DateTimeOffset? ExpiresAt)> VerifyAsync(
        PhoneNumber phone, string digest, string? sessionId, WrongCodeLimits? limits = null)
    {
        limits ??= WrongCodeLimits.None;
        var r = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.VerifyCode,
            [keys.Session(phone), keys.WrongCodes(phone)], [digest, sessionId ?? "", limits.PerHour, limits.PerDay]))!;
        var expiresAt = r.Length > 3 && (long)r[3] > 0 ? DateTimeOffset.FromUnixTimeMilliseconds((long)r[3]) : (DateTimeOffset?)null;
        return ((string)r[0]!, (string)r[1]!, (long)r[2], expiresAt);
    }

    public async Task<DateTimeOffset?> FindExpiresAtAsync(PhoneNumber phone)
    {
        var v = await _db.HashGetAsync(keys.Session(phone), "expires_at");
        return v.TryParse(out long ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public async Task<PhoneNumber?> FindPhoneAsync(string sessionId)
    {
        var e164 = await _db.StringGetAsync(keys.SessionLookup(sessionId));
        return PhoneNumber.TryParse(e164, out var phone) ? phone : null;
    }

    public async Task<SpeakableSession?> FindSpeakableAsync(PhoneNumber phone, string sessionId)
    {
        var v = await _db.HashGetAsync(keys.Session(phone), ["status", "id", "sealed", "brand"]);
        if (v[0] != "pending" || v[1] != sessionId || v[2].IsNull)
            return null;
        return new SpeakableSession(v[2]!, v[3]!);
    }
}
