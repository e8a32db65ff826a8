using System.Globalization;
using StackExchange.Redis;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Calls;

// Per-call records: whether a request went to Plivo, Plivo's request uuid, and how the call ended.
public sealed class CallAttemptStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    private readonly IDatabase _db = redis.GetDatabase();

    // Written only while the call hash exists, so that a late write after the session expired
    // cannot leave a key without a TTL behind.
    private const string SetIfExists = """
        if redis.call('EXISTS', KEYS[1]) == 1 then
          return redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        end
        return 0
        """;

    public async Task<CallClaim> ClaimAsync(PhoneNumber phone, string sessionId, int attempt)
    {
        var kind = (string?)await _db.ScriptEvaluateAsync(RedisScripts.ClaimCall,
            [keys.Call(phone, sessionId, attempt), keys.Session(phone)], [sessionId]);
        return kind switch
        {
            "claimed" => CallClaim.Claimed,
            "uncertain" => CallClaim.Uncertain,
            "placed" => CallClaim.Placed,
            _ => CallClaim.Gone,
        };
    }

    // A fresh token for each request sent to Plivo; Redis keeps only its digest, for the session's
    // remaining lifetime.
    public async Task<string> IssueTokenAsync(PhoneNumber phone, string sessionId, int attempt)
    {
        var token = CallToken.New();
        var ttl = await _db.KeyTimeToLiveAsync(keys.Session(phone)) ?? TimeSpan.FromMinutes(1);
        await _db.StringSetAsync(keys.TokenLookup(token),
            string.Join(' ', phone.E164, sessionId, attempt.ToString(CultureInfo.InvariantCulture)), ttl);
        return token;
    }

    public Task RecordPlacedAsync(PhoneNumber phone, string sessionId, int attempt, string requestUuid) =>
        _db.ScriptEvaluateAsync(SetIfExists, [keys.Call(phone, sessionId, attempt)], ["request_uuid", requestUuid]);

    public Task RecordRefusedAsync(PhoneNumber phone, string sessionId, int attempt, int httpStatus) =>
        _db.ScriptEvaluateAsync(SetIfExists, [keys.Call(phone, sessionId, attempt)], ["failed", httpStatus]);

    public Task RecordFollowUpScheduledAsync(CallRef call) =>
        _db.ScriptEvaluateAsync(SetIfExists, [keys.Call(call.Phone, call.SessionId, call.Attempt)], ["scheduled", "1"]);

    // The request surely never reached Plivo, so the next run of the job may try again.
    public Task ReleaseAsync(PhoneNumber phone, string sessionId, int attempt) =>
        _db.HashDeleteAsync(keys.Call(phone, sessionId, attempt), "posting");

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
