using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Calls;

// Stops the calls of a session that ended, off the request path. Entries come from verify-code.lua
// (verified or locked: it already took the waiting calls out of the ready queue) and from
// open-or-join-session.lua (every session's id in its expiry bucket, due at the bucket's end); the pump hands
// due entries here. An entry whose session is still pending (Redis expires the key a moment after
// the due time) is looked at again when the session's TTL ends. For an ended session its waiting
// calls leave the ready queue, a call Plivo still holds in its queue is cancelled (DELETE Request),
// one that rings or is in progress is hung up (DELETE Call, with the CallUUID from its ring or
// answer callback). A call whose request is still in flight, or that left Plivo's queue before its
// ring callback came, is looked at again shortly, a bounded number of times.
public sealed partial class CallCanceller(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    PlivoCallClient plivo,
    IOptions<VoiceOtpOptions> options,
    ILogger<CallCanceller> logger)
{
    // Sessions expiring within one bucket of this width share one LIST (see RedisKeys): an expired
    // session's calls are stopped at most this much after its expiry time.
    public const long ExpiryBucketMs = 5000;
    private const int Batch = 20;
    private const int MaxLooks = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LookAgain = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MinLookAgain = TimeSpan.FromMilliseconds(200);
    private readonly IDatabase _db = redis.GetDatabase();

    // Records "cancel" as the outcome of a call Plivo dropped from its queue: it never rang, so no
    // hangup callback will come. Only while no outcome is recorded.
    private static readonly string RecordCancelled = RedisScripts.FailClosed("""
        #!lua
        if redis.call('EXISTS', KEYS[1]) == 1 then
          redis.call('HSETNX', KEYS[1], 'outcome', 'cancel')
        end
        """, nameof(RecordCancelled));

    // Field writes only while the call hash exists, so that none recreates it without a TTL.
    private static readonly string SetIfExists = RedisScripts.FailClosed("""
        #!lua
        if redis.call('EXISTS', KEYS[1]) == 0 then
          return -1
        end
        if ARGV[1] == 'incr' then
          return redis.call('HINCRBY', KEYS[1], ARGV[2], 1)
        end
        redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
        return 0
        """, nameof(SetIfExists));

    public async Task<int> CancelDueAsync(CancellationToken ct)
    {
        var due = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.CancelCalls, [keys.CallsToCancel],
            [Batch, (long)Lease.TotalMilliseconds, keys.ExpiryBuckets, keys.SessionStatus("")]))!;
        foreach (var entry in due)
        {
            var member = (string)entry!;
            if (!CallQueue.TryParseMember(member, out var last))
            {
                await _db.SortedSetRemoveAsync(keys.CallsToCancel, member);
                continue;
            }
            if (await StillPendingForAsync(last) is { } left)
            {
                await _db.SortedSetAddAsync(keys.CallsToCancel, member,
                    DateTimeOffset.UtcNow.Add(left).ToUnixTimeMilliseconds());
                continue;
            }
            // An expiry entry names call 1; resends and retries may have followed it.
            var upTo = Math.Max(last.CallNumber, options.Value.MaxCallsPerSession);
            var again = false;
            for (var n = 1; n <= upTo; n++)
            {
                var call = last with { CallNumber = n };
                if (await _db.SortedSetRemoveAsync(keys.ReadyCalls, CallQueue.Member(call)))
                    Log.Dropped(logger, call.SessionId, n);
                again |= await StopAsync(call, ct);
            }
            var looks = (long)await _db.ScriptEvaluateAsync(SetIfExists,
                [keys.Call(last.Phone, last.SessionId, 1)], ["incr", "cancel_tries"]);
            if (again && looks is > 0 and < MaxLooks)
                await _db.SortedSetAddAsync(keys.CallsToCancel, member,
                    DateTimeOffset.UtcNow.Add(LookAgain).ToUnixTimeMilliseconds());
            else
                await _db.SortedSetRemoveAsync(keys.CallsToCancel, member);
        }
        return due.Length;
    }

    // How long the session of this entry still lives, or null once it ended (verified, locked,
    // expired, or replaced by a newer session for the number).
    private async Task<TimeSpan?> StillPendingForAsync(CallRef call)
    {
        var key = keys.Session(call.Phone);
        var batch = _db.CreateBatch();
        var fields = batch.HashGetAsync(key, ["status", "id"]);
        var ttl = batch.KeyTimeToLiveAsync(key);
        batch.Execute();
        var v = await fields;
        if (v[0] != "pending" || v[1] != call.SessionId)
            return null;
        return (await ttl) is { } left && left > MinLookAgain ? left : MinLookAgain;
    }

    // True when the call may still be live at Plivo in a way we cannot act on yet.
    private async Task<bool> StopAsync(CallRef call, CancellationToken ct)
    {
        var key = keys.Call(call.Phone, call.SessionId, call.CallNumber);
        var v = await _db.HashGetAsync(key, ["outcome", "failed", "call_uuid", "request_uuid", "posted_at", "cancel_sent"]);
        if (!v[0].IsNull || !v[1].IsNull || v[5] == "call")
            return false;
        try
        {
            if (!v[2].IsNull)
            {
                await plivo.HangUpAsync((string)v[2]!, ct);
                await _db.ScriptEvaluateAsync(SetIfExists, [key], ["set", "cancel_sent", "call"]);
                Log.HungUp(logger, call.SessionId, call.CallNumber);
                return false;
            }
            if (!v[3].IsNull)
            {
                if (v[5] != "request" && await plivo.CancelQueuedAsync((string)v[3]!, ct))
                {
                    await _db.ScriptEvaluateAsync(RecordCancelled, [key]);
                    await _db.ScriptEvaluateAsync(SetIfExists, [key], ["set", "cancel_sent", "request"]);
                    Log.CancelledQueued(logger, call.SessionId, call.CallNumber);
                    return false;
                }
                // Dialling already: its ring callback brings the CallUUID to hang up with.
                return true;
            }
            // Posting or uncertain: the request may still turn into a call.
            return !v[4].IsNull;
        }
        catch (PlivoApiException e)
        {
            Log.Failed(logger, call.SessionId, call.CallNumber, e.Message);
            return true;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Session {SessionId} call {Call}: hung up at Plivo, the session ended")]
        public static partial void HungUp(ILogger logger, string sessionId, int call);

        [LoggerMessage(2, LogLevel.Information, "Session {SessionId} call {Call}: cancelled in Plivo's queue, the session ended")]
        public static partial void CancelledQueued(ILogger logger, string sessionId, int call);

        [LoggerMessage(4, LogLevel.Information, "Session {SessionId} call {Call}: dropped from the queue, the session ended")]
        public static partial void Dropped(ILogger logger, string sessionId, int call);

        [LoggerMessage(3, LogLevel.Warning, "Session {SessionId} call {Call}: could not be stopped yet ({Reason})")]
        public static partial void Failed(ILogger logger, string sessionId, int call, string reason);
    }
}
