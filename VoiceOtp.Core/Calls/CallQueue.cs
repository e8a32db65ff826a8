using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using StackExchange.Redis;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Calls;

// How calls flow. A call is one member "session:n:{phone id}" that lives in exactly one of four ZSETs
// (all under the engine's hash tag, see RedisKeys), so its state is where it is:
//
//   ready ──claim-calls.lua──▶ leased ──claim-call.lua──▶ posting ──RecordPlaced / RecordRefused──▶ (gone;
//     ▲   (batch, lease deadline)  │    (posting mark, token)    │    the call hash keeps request_uuid/failed)
//     │                            │ lease expired               │ timeout or 5xx (MarkUncertain), or the lease
//     └────────────────────────────┘ (no request was sent)       ▼ expired: the request may have reached Plivo
//     ▲                                                        uncertain, scored by the end of its evidence
//     │                                                          window (UncertainCallResolver): a callback
//     │◀──── no callback in the window: once, with a fresh token ─┘ for its token settles it as placed
//     └──── Release: the request surely never left (no connection, Plivo's 429), after a pause
//
// Writers of ready: open-or-join-session.lua (the first call of a dispatch, or a join's call, in the
// same step that opens the session; a new session's first call is scored FirstCallLeadMs ahead, so
// that under pacing it goes before the retries already waiting), record-call-outcome.lua (a retry of an unanswered call, due
// after its delay, in the step that reserves it), claim-calls.lua (expired leases), Release and
// resolve-uncertain-call.lua. verify-code.lua removes a verified or locked session's waiting calls,
// CallCanceller those of a session that expired.
// Contract: a dispatch answered 200 has its member in ready; a member is posted at most once per
// token, because only the pump holding a live lease may move it to posting, and nothing moves a
// member out of posting except the pump's own result or the expiry to uncertain. An uncertain call
// is posted again only after its window passed with no callback, and its old token is retired in
// that step. The lease is longer than Plivo's timeout, so a live pump always finishes before its
// lease ends. A member whose session was verified, locked or expired leaves at claim-call.lua
// without a request.
public sealed class CallQueue(IConnectionMultiplexer redis, RedisKeys keys)
{
    // CallsPerSecond counts starts in a window a little longer than a second: Plivo counts by when a
    // request reaches it, and the time from claim to that moment varies by up to a few hundred ms.
    public const int PaceWindowMs = 1200;

    private readonly IDatabase _db = redis.GetDatabase();
    private readonly RedisKey[] _claimKeys =
        [keys.ReadyCalls, keys.LeasedCalls, keys.PostingCalls, keys.UncertainCalls, keys.CallPace];

    private static readonly string RecordResult = RedisScripts.FailClosed("""
        #!lua
        if redis.call('EXISTS', KEYS[1]) == 1 then
          redis.call('HSET', KEYS[1], unpack(ARGV, 2))
        end
        redis.call('ZREM', KEYS[2], ARGV[1])
        """, nameof(RecordResult));

    private static readonly string MarkUncertainScript = RedisScripts.FailClosed("""
        #!lua
        if redis.call('ZREM', KEYS[2], ARGV[1]) == 0 then
          return 0
        end
        local t = redis.call('TIME')
        local now = t[1] * 1000 + math.floor(t[2] / 1000)
        if redis.call('EXISTS', KEYS[1]) == 1 then
          redis.call('HSET', KEYS[1], 'uncertain', now)
        end
        redis.call('ZADD', KEYS[3], now + tonumber(ARGV[2]), ARGV[1])
        return 1
        """, nameof(MarkUncertainScript));

    private static readonly string ReleaseScript = RedisScripts.FailClosed("""
        #!lua
        if redis.call('ZREM', KEYS[2], ARGV[1]) == 0 then
          return -1
        end
        local n = redis.call('HINCRBY', KEYS[1], 'not_sent', 1)
        local delay = math.min(tonumber(ARGV[2]) * 2 ^ (n - 1), tonumber(ARGV[3]))
        local t = redis.call('TIME')
        redis.call('ZADD', KEYS[3], t[1] * 1000 + math.floor(t[2] / 1000) + delay, ARGV[1])
        return delay
        """, nameof(ReleaseScript));

    public static readonly TimeSpan DefaultUncertainWindow = TimeSpan.FromSeconds(75);

    // How long a call's record and token outlive its session: long enough for CallCanceller to stop
    // a call at the session's expiry and for that call's hangup callback to be recorded.
    public static readonly TimeSpan AfterSession = TimeSpan.FromMinutes(2);

    // open-or-join-session.lua scores a new session's first call this far before its due time, so
    // that it is claimed before the retries already due (see the script).
    public const long FirstCallLeadMs = 10_000_000_000_000;

    public string WakeChannel => keys.WakeChannel;

    public async Task<ClaimedBatch> ClaimAsync(int batch, TimeSpan lease, int callsPerSecond, TimeSpan uncertainWindow = default)
    {
        if (uncertainWindow <= TimeSpan.Zero)
            uncertainWindow = DefaultUncertainWindow;
        var r = (RedisResult[])(await RedisScripts.ClaimCalls.EvaluateAsync(_db, _claimKeys,
            [batch, (long)lease.TotalMilliseconds, callsPerSecond, (long)uncertainWindow.TotalMilliseconds, PaceWindowMs]))!;
        var calls = new List<CallRef>(r.Length - 1);
        for (var i = 1; i < r.Length; i++)
        {
            if (TryParseMember((string)r[i]!, out var call))
                calls.Add(call);
            else // unreadable (such as one named by a plain number, from before phone ids): it would circle forever
                await _db.SortedSetRemoveAsync(keys.LeasedCalls, (string)r[i]!);
        }
        var wait = (long)r[0];
        return new ClaimedBatch(calls, wait < 0 ? null : TimeSpan.FromMilliseconds(wait));
    }

    // Issues the call's token (its call record keeps only the digest) and puts the posting mark. A claimed
    // call comes with its number, still sealed, and its session's expiry, read in the same step.
    public async Task<StartedCall> StartAsync(CallRef call, TimeSpan lease)
    {
        var token = CallToken.For(call);
        var r = (RedisResult[])(await RedisScripts.ClaimCall.EvaluateAsync(_db,
            [keys.Call(call.Phone, call.SessionId, call.CallNumber), keys.Session(call.Phone),
                keys.LeasedCalls, keys.PostingCalls],
            [call.SessionId, Member(call), CallToken.Digest(token), (long)lease.TotalMilliseconds,
                (long)AfterSession.TotalMilliseconds]))!;
        var claim = (string?)r[0] switch
        {
            "claimed" => CallClaim.Claimed,
            "placed" => CallClaim.Placed,
            "lost" => CallClaim.Lost,
            _ => CallClaim.Gone,
        };
        if (claim != CallClaim.Claimed || r.Length < 3)
            return new StartedCall(claim, token, null, null);
        return new StartedCall(claim, token, (string?)r[1],
            long.TryParse((string?)r[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
    }

    public Task RecordPlacedAsync(CallRef call, MakeCallResult placed) => placed.QueuedAtPlivo
        ? Record(call, "request_uuid", placed.RequestUuid, "plivo_queued", 1)
        : Record(call, "request_uuid", placed.RequestUuid);

    // Plivo may have placed the call: it waits in uncertain until its evidence window ends.
    public Task MarkUncertainAsync(CallRef call, TimeSpan window) =>
        _db.ScriptEvaluateAsync(MarkUncertainScript,
            [keys.Call(call.Phone, call.SessionId, call.CallNumber), keys.PostingCalls, keys.UncertainCalls],
            [Member(call), (long)window.TotalMilliseconds]);

    public Task RecordRefusedAsync(CallRef call, int httpStatus) => Record(call, "failed", httpStatus);

    // The request surely never reached Plivo: back to ready after a doubling backoff.
    public async Task<TimeSpan> ReleaseAsync(CallRef call, TimeSpan backoff, TimeSpan maxBackoff)
    {
        var delay = (long)await _db.ScriptEvaluateAsync(ReleaseScript,
            [keys.Call(call.Phone, call.SessionId, call.CallNumber), keys.PostingCalls, keys.ReadyCalls],
            [Member(call), (long)backoff.TotalMilliseconds, (long)maxBackoff.TotalMilliseconds]);
        return TimeSpan.FromMilliseconds(Math.Max(0, delay));
    }

    // For the dashboard: every call in flight or uncertain, and the first `take` of the ready queue,
    // each with where it is (its state in the queue) and what its call record says.
    public async Task<CallQueueSnapshot> SnapshotAsync(int take)
    {
        var now = DateTimeOffset.UtcNow;
        var batch = _db.CreateBatch();
        var ready = batch.SortedSetLengthAsync(keys.ReadyCalls);
        var stopping = batch.SortedSetLengthAsync(keys.CallsToCancel, double.NegativeInfinity, now.ToUnixTimeMilliseconds());
        var sets = new[] { (keys.ReadyCalls, "ready"), (keys.LeasedCalls, "claimed"), (keys.PostingCalls, "posting"),
                (keys.UncertainCalls, "uncertain") }
            .Select(s => (Where: s.Item2, Entries: batch.SortedSetRangeByRankWithScoresAsync(s.Item1, 0, take - 1))).ToList();
        batch.Execute();
        var listed = new List<(string Where, CallRef Call, double Score)>();
        foreach (var (where, entries) in sets)
            foreach (var e in await entries)
                if (TryParseMember(e.Element!, out var call))
                    listed.Add((where, call, e.Score));
        // The queue knows numbers by their id only; the masked form is in each session's status record.
        var records = _db.CreateBatch();
        var reads = listed.Select(c => records.HashGetAllAsync(keys.Call(c.Call.Phone, c.Call.SessionId, c.Call.CallNumber))).ToList();
        var masks = listed.Select(c => records.HashGetAsync(keys.SessionStatus(c.Call.SessionId), Sessions.StatusFields.Masked)).ToList();
        records.Execute();
        var calls = new List<QueuedCall>(listed.Count);
        for (var i = 0; i < listed.Count; i++)
        {
            var (where, call, score) = listed[i];
            var at = DateTimeOffset.FromUnixTimeMilliseconds(score < 0 ? (long)score + FirstCallLeadMs : (long)score);
            var record = (await reads[i]).ToDictionary(e => (string)e.Name!, e => (string?)e.Value ?? "");
            calls.Add(new QueuedCall(call, (string?)await masks[i] ?? "", where == "ready" && at > now ? "waiting" : where, at, score < 0,
                record.Count == 0 ? null : CallStates.FromRecord(record),
                record.TryGetValue("not_sent", out var notSent) ? int.Parse(notSent, CultureInfo.InvariantCulture) : 0));
        }
        return new CallQueueSnapshot(await ready, calls.Count(c => c.Where is "claimed" or "posting"),
            calls.Count(c => c.Where == "uncertain"), await stopping, calls);
    }

    private Task Record(CallRef call, params RedisValue[] fields) =>
        _db.ScriptEvaluateAsync(RecordResult, [keys.Call(call.Phone, call.SessionId, call.CallNumber), keys.PostingCalls],
            [Member(call), .. fields]);

    public static string Member(CallRef call) =>
        string.Create(CultureInfo.InvariantCulture, $"{call.SessionId}:{call.CallNumber}:{call.Phone.Value}");

    public static bool TryParseMember(string member, [NotNullWhen(true)] out CallRef? call)
    {
        call = null;
        var parts = member.Split(':');
        if (parts.Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || !PhoneId.IsWellFormed(parts[2]))
            return false;
        call = new CallRef(new PhoneId(parts[2]), parts[0], n);
        return true;
    }
}

// SealedNumber and SessionExpiresAt come with a claimed call only.
public sealed record StartedCall(CallClaim Claim, string Token, string? SealedNumber, DateTimeOffset? SessionExpiresAt)
{
    public override string ToString() => Claim.ToString();
}

public sealed record ClaimedBatch(IReadOnlyList<CallRef> Calls, TimeSpan? NextDueIn);
