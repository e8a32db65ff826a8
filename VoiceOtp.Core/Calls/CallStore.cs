using System.Globalization;
using StackExchange.Redis;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Calls;

// Per-call records once a call was placed: which call a webhook token points at, and how it ended.
// (Placing a call, and the request uuid, belong to CallQueue.)
public sealed class CallStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    private readonly IDatabase _db = redis.GetDatabase();

    // Once per call however often Plivo repeats the hangup: true only for the first record, so that
    // the caller counts the spend once.
    private static readonly string SetCostOnce = RedisScripts.FailClosed("""
        #!lua
        if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HSETNX', KEYS[1], 'cost_micros', ARGV[1]) == 0 then
          return 0
        end
        redis.call('HSET', KEYS[1], 'bill_seconds', ARGV[2])
        return 1
        """, nameof(SetCostOnce));

    public async Task<bool> RecordCostAsync(CallRef call, int billSeconds, long costMicros) =>
        (int)await _db.ScriptEvaluateAsync(SetCostOnce, [keys.Call(call.Phone, call.SessionId, call.CallNumber)],
            [costMicros, billSeconds]) == 1;

    public async Task<long?> FindCostAsync(CallRef call)
    {
        var v = await _db.HashGetAsync(keys.Call(call.Phone, call.SessionId, call.CallNumber), "cost_micros");
        return v.IsNull ? null : (long)v;
    }

    public async Task<CallRef?> FindAsync(string token)
    {
        if (!CallToken.TryRead(token, out var call))
            return null;
        var current = (string?)await _db.HashGetAsync(keys.Call(call!.Phone, call.SessionId, call.CallNumber), "token");
        return current == CallToken.Digest(token) ? call : null;
    }

    // Plivo's ring (or answer) callback: the call is live at Plivo and this is its CallUUID, which
    // hangs it up when the session ends. Also the evidence that settles an uncertain call as placed.
    private static readonly string RecordLive = RedisScripts.FailClosed("""
        #!lua
        if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'outcome') == 1 then
          return 0
        end
        redis.call('HSET', KEYS[1], 'call_uuid', ARGV[1], 'ringing', 1)
        return 1
        """, nameof(RecordLive));

    public async Task<bool> RecordLiveAsync(CallRef call, string callUuid) =>
        (long)await _db.ScriptEvaluateAsync(RecordLive, [keys.Call(call.Phone, call.SessionId, call.CallNumber)], [callUuid]) == 1;

    // Records the outcome once; for an unanswered call it also queues the follow-up call, due after
    // its delay, and returns its call number and retry number (null when no follow-up is due).
    public async Task<(int Call, int Retry, TimeSpan Delay)?> RecordOutcomeAsync(CallRef call, CallOutcome outcome,
        string callUuid, int maxCalls, IReadOnlyList<TimeSpan> retryDelays, TimeSpan minTimeLeft = default)
    {
        var args = new RedisValue[8 + retryDelays.Count];
        args[0] = outcome.WireName();
        args[1] = callUuid;
        args[2] = call.SessionId;
        args[3] = maxCalls;
        args[4] = outcome.IsUnanswered() ? "1" : "0";
        args[5] = call.Phone.Value;
        args[6] = keys.WakeChannel;
        args[7] = (long)minTimeLeft.TotalMilliseconds;
        for (var i = 0; i < retryDelays.Count; i++)
            args[8 + i] = (long)retryDelays[i].TotalMilliseconds;
        var r = (RedisResult[])(await RedisScripts.RecordCallOutcome.EvaluateAsync(_db,
            [keys.Call(call.Phone, call.SessionId, call.CallNumber), keys.Session(call.Phone), keys.ReadyCalls], args))!;
        var next = (int)r[0];
        return next > 0 ? (next, (int)r[1], TimeSpan.FromMilliseconds((long)r[2])) : null;
    }
}
