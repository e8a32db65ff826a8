using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Events;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Sessions;

// The writer of status records once they exist (open-or-join-session.lua writes each record with
// the session it opens) and the one reader of a session's status. Small scripts sit next to their
// only caller; each writes only while its key exists, so no key loses its TTL.
public sealed class SessionStatusStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<EventOptions> events)
{
    private static readonly string UpdateIfExists = RedisScripts.FailClosed("""
        #!lua
        if redis.call('EXISTS', KEYS[1]) == 0 then
          return {}
        end
        for i = 1, #ARGV, 3 do
          if ARGV[i] == 'nx' then
            redis.call('HSETNX', KEYS[1], ARGV[i + 1], ARGV[i + 2])
          else
            redis.call('HSET', KEYS[1], ARGV[i + 1], ARGV[i + 2])
          end
        end
        return redis.call('HGETALL', KEYS[1])
        """, nameof(UpdateIfExists));

    // KEYS call hash, session hash; ARGV retention ms, then field, value pairs.
    private static readonly string RecordCallEnd = RedisScripts.FailClosed("""
        #!lua
        if redis.call('EXISTS', KEYS[1]) == 0 then
          return {}
        end
        redis.call('HSET', KEYS[1], unpack(ARGV, 2))
        local ttl = redis.call('PTTL', KEYS[2])
        if ttl < 0 then ttl = 0 end
        redis.call('PEXPIRE', KEYS[1], ttl + tonumber(ARGV[1]))
        return redis.call('HGETALL', KEYS[1])
        """, nameof(RecordCallEnd));

    private readonly IDatabase _db = redis.GetDatabase();

    private long RetentionMs => events.Value.StatusRetentionSeconds * 1000L;

    // At least a minute past expiry, so that the expiry job still finds the record to report on.
    public static TimeSpan RecordTtl(TimeSpan sessionTtl, int retentionSeconds) =>
        sessionTtl + TimeSpan.FromSeconds(Math.Max(retentionSeconds, 60));

    public Task<SessionRecord?> FindAsync(string sessionId) => UpdateAsync(sessionId);

    public Task<SessionRecord?> RecordEndAsync(string sessionId, SessionState state, int attemptsLeft, DateTimeOffset at) =>
        UpdateAsync(sessionId, "set", StatusFields.AttemptsLeft, attemptsLeft, "set", StatusFields.Status, state.WireName(),
            "nx", StatusFields.EndedAt, at.ToUnixTimeMilliseconds());

    public Task<SessionRecord?> RecordFailedAsync(string sessionId, int call, string reason) =>
        UpdateAsync(sessionId, "set", StatusFields.FailedCall, call, "set", StatusFields.FailedReason, reason);

    // Stores Plivo's figures on the call hash and keeps it as long as the status record.
    public async Task<IReadOnlyDictionary<string, string>?> RecordCallEndAsync(CallRef call, string? hangupCause,
        string? duration, string? billDuration, DateTimeOffset at)
    {
        var r = (RedisResult[])(await _db.ScriptEvaluateAsync(RecordCallEnd,
            [keys.Call(call.Phone, call.SessionId, call.CallNumber), keys.Session(call.Phone)],
            [RetentionMs, "hangup_cause", hangupCause ?? "", "duration", Digits(duration), "bill_duration", Digits(billDuration),
                "ended_at", at.ToUnixTimeMilliseconds()]))!;
        return r.Length == 0 ? null : ToDictionary(r);
    }

    private async Task<SessionRecord?> UpdateAsync(string sessionId, params RedisValue[] triples)
    {
        var r = (RedisResult[])(await _db.ScriptEvaluateAsync(UpdateIfExists, [keys.SessionStatus(sessionId)], triples))!;
        return r.Length == 0 ? null : Parse(ToDictionary(r));
    }

    public async Task<LiveSession?> FindLiveAsync(PhoneId phone, string sessionId)
    {
        var v = await _db.HashGetAsync(keys.Session(phone), ["id", "status", "attempts", "calls"]);
        if (v[0] != sessionId)
            return null;
        return new LiveSession((string?)v[1] ?? "", (int)v[2], (int)v[3]);
    }

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>?>> CallsAsync(PhoneId phone, string sessionId, int upTo)
    {
        var batch = _db.CreateBatch();
        var reads = Enumerable.Range(1, upTo).Select(n => batch.HashGetAllAsync(keys.Call(phone, sessionId, n))).ToArray();
        batch.Execute();
        var all = await Task.WhenAll(reads);
        return all.Select(h => h.Length == 0 ? null : (IReadOnlyDictionary<string, string>)h.ToDictionary(
            e => (string)e.Name!, e => (string?)e.Value ?? "")).ToList();
    }

    // Pending, failed and expired are derived here: the live session hash (if it still belongs to
    // this id) is the truth while it exists; after that the status record is, and a session that
    // neither verified nor locked is expired once its expiry time passed.
    public async Task<SessionStatus?> ReadAsync(string sessionId, DateTimeOffset now, int maxCalls)
    {
        var record = await FindAsync(sessionId);
        if (record is null)
            return null;
        var live = await FindLiveAsync(record.Phone, sessionId);
        var callRecords = await CallsAsync(record.Phone, sessionId, Math.Max(maxCalls, live?.Calls ?? 0));
        var calls = new List<CallStatus>();
        for (var n = 1; n <= callRecords.Count; n++)
        {
            var c = callRecords[n - 1];
            if (c is null && n > (live?.Calls ?? 0))
                continue;
            calls.Add(c is null
                ? new CallStatus(n, CallState.Queued, null, null, null)
                : new CallStatus(n, CallStates.FromRecord(c), NonEmpty(c, "hangup_cause"), Number(c, "duration"), Number(c, "bill_duration"),
                    Number(c, "cost_micros") is { } micros ? Guards.SpendMicros.ToAmount(micros) : null, CallStates.UncertainStory(c)));
        }
        var failed = record.FailedCall > 0 && record.FailedCall >= (live?.Calls ?? 0);
        var state = (live?.Status ?? record.Status) switch
        {
            "verified" => SessionState.Verified,
            "locked" => SessionState.Locked,
            _ when failed => SessionState.Failed,
            "pending" when now < record.ExpiresAt => SessionState.Pending,
            _ => SessionState.Expired,
        };
        var used = live?.AttemptsUsed ?? record.MaxAttempts - record.AttemptsLeft;
        var endedAt = record.EndedAt ?? (state == SessionState.Expired ? record.ExpiresAt : null);
        return new SessionStatus(sessionId, state, record.MaskedNumber, record.CreatedAt, record.ExpiresAt, endedAt,
            used, Math.Max(0, record.MaxAttempts - used), calls);
    }

    private static string? NonEmpty(IReadOnlyDictionary<string, string> f, string name) =>
        f.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    private static int? Number(IReadOnlyDictionary<string, string> f, string name) =>
        f.TryGetValue(name, out var v) && v.Length > 0 ? Int(f, name) : null;

    private static IReadOnlyDictionary<string, string> ToDictionary(RedisResult[] flat)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < flat.Length; i += 2)
            d[(string)flat[i]!] = (string?)flat[i + 1] ?? "";
        return d;
    }

    private static SessionRecord? Parse(IReadOnlyDictionary<string, string> f)
    {
        if (!f.TryGetValue(StatusFields.Masked, out var masked) || !PhoneId.IsWellFormed(f.GetValueOrDefault(StatusFields.PhoneId)))
            return null;
        return new SessionRecord(masked, new PhoneId(f[StatusFields.PhoneId]), f.GetValueOrDefault(StatusFields.Region) ?? "ZZ",
            f.GetValueOrDefault(StatusFields.CallbackUrl), Time(f, StatusFields.CreatedAt) ?? default,
            Time(f, StatusFields.ExpiresAt) ?? default, Int(f, StatusFields.MaxAttempts), Int(f, StatusFields.AttemptsLeft),
            f.GetValueOrDefault(StatusFields.Status), Time(f, StatusFields.EndedAt), Int(f, StatusFields.FailedCall));
    }

    internal static int Int(IReadOnlyDictionary<string, string> f, string name) =>
        f.TryGetValue(name, out var s) && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static DateTimeOffset? Time(IReadOnlyDictionary<string, string> f, string name) =>
        f.TryGetValue(name, out var s) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private static string Digits(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v.ToString(CultureInfo.InvariantCulture) : "";
}

// The live session hash, as far as status needs it.
public sealed record LiveSession(string Status, int AttemptsUsed, int Calls);
