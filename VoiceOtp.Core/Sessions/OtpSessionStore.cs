using StackExchange.Redis;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Sessions;

public sealed record NewSession(string Id, string Digest, string Sealed, TimeSpan Ttl, int MaxAttempts,
    int MaxCalls, DateTimeOffset ExpiresAt, string Brand);

public sealed record OpenedSession(string Kind, string Id, DateTimeOffset ExpiresAt, int CallNumber);

public sealed record SpeakableSession(string Sealed, string Brand);

// The only class that reads or writes session keys.
public sealed class OtpSessionStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    private readonly IDatabase _db = redis.GetDatabase();

    // One EVALSHA: the session, its lookup and its queued call are written together or not at all.
    public async Task<OpenedSession> OpenOrJoinAsync(PhoneNumber phone, NewSession s)
    {
        var r = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.OpenOrJoinSession,
            [keys.Session(phone), keys.SessionLookup(s.Id), keys.ReadyCalls],
            [s.Id, s.Digest, s.Sealed, (long)s.Ttl.TotalMilliseconds, s.MaxAttempts, s.MaxCalls,
                s.ExpiresAt.ToUnixTimeMilliseconds(), s.Brand, phone.E164, keys.WakeChannel]))!;
        return new OpenedSession((string)r[0]!, (string)r[1]!, DateTimeOffset.FromUnixTimeMilliseconds((long)r[2]), (int)r[3]);
    }

    public async Task<(string Kind, string SessionId, int Remaining, DateTimeOffset? ExpiresAt)> VerifyAsync(
        PhoneNumber phone, string digest, string? sessionId)
    {
        var r = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.VerifyCode,
            [keys.Session(phone)], [digest, sessionId ?? ""]))!;
        var expiresAt = r.Length > 3 && (long)r[3] > 0 ? DateTimeOffset.FromUnixTimeMilliseconds((long)r[3]) : (DateTimeOffset?)null;
        return ((string)r[0]!, (string)r[1]!, (int)r[2], expiresAt);
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
