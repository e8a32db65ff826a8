using System.Globalization;
using StackExchange.Redis;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Calls;

// Per-call records: which token a call got, Plivo's request uuid, and how it ended.
public sealed class CallAttemptStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    private readonly IDatabase _db = redis.GetDatabase();

    // Returns the call token to use, or null when the call must not be placed (session no longer
    // pending, or this attempt was already placed or refused).
    public async Task<string?> ClaimAsync(PhoneNumber phone, string sessionId, int attempt)
    {
        var r = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.ClaimCall,
            [keys.Call(phone, sessionId, attempt), keys.Session(phone)], [sessionId, CallToken.New()]))!;
        if ((string)r[0]! != "claimed")
            return null;
        var token = (string)r[1]!;
        var ttl = await _db.KeyTimeToLiveAsync(keys.Session(phone)) ?? TimeSpan.FromMinutes(1);
        await _db.StringSetAsync(keys.TokenLookup(token),
            string.Join(' ', phone.E164, sessionId, attempt.ToString(CultureInfo.InvariantCulture)), ttl);
        return token;
    }

    public Task RecordPlacedAsync(PhoneNumber phone, string sessionId, int attempt, string requestUuid) =>
        _db.HashSetAsync(keys.Call(phone, sessionId, attempt), "request_uuid", requestUuid);

    public Task RecordRefusedAsync(PhoneNumber phone, string sessionId, int attempt, int httpStatus) =>
        _db.HashSetAsync(keys.Call(phone, sessionId, attempt), "failed", httpStatus);

    public async Task<CallRef?> FindAsync(string token)
    {
        if (!CallToken.IsWellFormed(token))
            return null;
        var value = (string?)await _db.StringGetAsync(keys.TokenLookup(token));
        var parts = value?.Split(' ');
        if (parts is not { Length: 3 } || !PhoneNumber.TryParse(parts[0], out var phone)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var attempt))
            return null;
        return new CallRef(phone!, parts[1], attempt);
    }

    // Returns the call number reserved for a follow-up call and its retry number, or null.
    public async Task<(int Call, int Retry)?> RecordOutcomeAsync(CallRef call, CallOutcome outcome, string callUuid,
        int maxCalls, int maxRetries)
    {
        var r = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.RecordCallOutcome,
            [keys.Call(call.Phone, call.SessionId, call.Attempt), keys.Session(call.Phone)],
            [outcome.WireName(), callUuid, call.SessionId, maxCalls, maxRetries, outcome.IsUnanswered() ? "1" : "0"]))!;
        var next = (int)r[0];
        return next > 0 ? (next, (int)r[1]) : null;
    }
}
