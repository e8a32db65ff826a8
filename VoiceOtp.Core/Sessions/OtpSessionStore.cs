using StackExchange.Redis;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Guards;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Sessions;

public sealed record NewSession(string Id, string Digest, string Sealed, TimeSpan Ttl, int MaxAttempts,
    int MaxCalls, DateTimeOffset ExpiresAt, string Brand, TimeSpan ResendCooldown = default, TimeSpan MinTimeLeft = default)
{
    // The status record the dispatch script writes with a session it opens; null writes none.
    public NewSessionStatus? Status { get; init; }
}

// Ttl: the record's, the session's lifetime plus the retention (SessionStatusStore.RecordTtl).
public sealed record NewSessionStatus(DateTimeOffset CreatedAt, TimeSpan Ttl, Uri? CallbackUrl);

// CallNumber: the call this dispatch queued (opened, joined); RetryAfter: for a wrong-code limit
// (RateLimited) or a resend cooldown (ResendTooSoon).
// Refused: admission ran in the same script and said no; AdmissionAnswer is its reply, for
// Admission.Interpret.
public sealed record OpenedSession(DispatchStatus Status, string Id, DateTimeOffset ExpiresAt, int CallNumber,
    TimeSpan? RetryAfter = null, RedisResult[]? AdmissionAnswer = null);

public sealed record SpeakableSession(string Sealed, string Brand);

// Opens, joins and verifies sessions: the session hash's writers are open-or-join-session.lua and
// verify-code.lua here, and record-call-outcome.lua (CallStore), which reserves follow-up calls.
// Script reply words stay in this class; callers get outcome types.
// The number is sealed into the session hash here, and opened here for a verify by session id.
public sealed class OtpSessionStore(IConnectionMultiplexer redis, RedisKeys keys, PhoneSealer phones)
{
    private readonly IDatabase _db = redis.GetDatabase();

    // A session id names its status record, which names the number's phone id, whose session hash
    // holds the number sealed while that session is the number's current one.
    // KEYS[1] status record (field 'p': StatusFields.PhoneId); ARGV 1 session hash key prefix, 2 session id.
    // Returns the sealed number or nil.
    private static readonly string FindSealedNumber = RedisScripts.FailClosed("""
        #!lua
        local phone = redis.call('HGET', KEYS[1], 'p')
        if not phone then
          return false
        end
        local s = redis.call('HMGET', ARGV[1] .. phone, 'id', 'number')
        if s[1] ~= ARGV[2] then
          return false
        end
        return s[2]
        """, nameof(FindSealedNumber));

    // One EVALSHA: the per-number wrong-code check, the session with its sealed number, its status
    // record, its queued call and its expiry entry for CallCanceller are decided and written together
    // or not at all.
    // With an admission, both run in one script (RedisScripts.AdmitAndOpenSession) and the session
    // is touched only if it admits.
    public async Task<OpenedSession> OpenOrJoinAsync(PhoneNumber phone, NewSession s, WrongCodeLimits? limits = null,
        AdmissionCheck? admission = null)
    {
        limits ??= WrongCodeLimits.None;
        RedisKey[] k = [keys.Session(phone), keys.ReadyCalls, keys.WrongCodes(phone), keys.CallsToCancel, keys.SessionStatus(s.Id)];
        RedisValue[] a = [s.Id, s.Digest, s.Sealed, (long)s.Ttl.TotalMilliseconds, s.MaxAttempts, s.MaxCalls,
            s.ExpiresAt.ToUnixTimeMilliseconds(), s.Brand, keys.PhoneId(phone).Value, keys.WakeChannel, limits.PerHour, limits.PerDay,
            (long)s.ResendCooldown.TotalMilliseconds, (long)s.MinTimeLeft.TotalMilliseconds, phones.Seal(s.Id, phone),
            CallCanceller.ExpiryBucketMs, keys.ExpiryBuckets, (long)(s.Status?.Ttl.TotalMilliseconds ?? 0),
            s.Status?.CreatedAt.ToUnixTimeMilliseconds() ?? 0, phone.Masked, phone.RegionCode,
            s.Status?.CallbackUrl?.AbsoluteUri ?? ""];
        var r = admission is null
            ? (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.OpenOrJoinSession, k, a))!
            : (RedisResult[])(await RedisScripts.AdmitAndOpenSession.EvaluateAsync(_db, [.. admission.Keys, .. k],
                [admission.Keys.Length, admission.Args.Length, .. admission.Args, .. a]))!;
        if ((string?)r[0] == "refused")
            return new OpenedSession(DispatchStatus.Refused, "", default, 0, AdmissionAnswer: (RedisResult[])r[1]!);
        var status = (string?)r[0] switch
        {
            "opened" => DispatchStatus.Opened,
            "joined" => DispatchStatus.Joined,
            "locked" => DispatchStatus.Locked,
            "rate_limited" => DispatchStatus.RateLimited,
            "cooldown" => DispatchStatus.ResendTooSoon,
            "too_late" => DispatchStatus.TooLateToCall,
            _ => DispatchStatus.CallLimitReached,
        };
        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds((long)r[2]);
        return status is DispatchStatus.RateLimited or DispatchStatus.ResendTooSoon
            ? new OpenedSession(status, (string)r[1]!, expiresAt, 0, TimeSpan.FromMilliseconds((long)r[4]))
            : new OpenedSession(status, (string)r[1]!, expiresAt, (int)r[3]);
    }

    // Also takes an ended session's waiting calls out of the queue and leaves it for CallCanceller.
    // For RateLimited, RetryAfter is when the number may try a code again.
    public async Task<VerifyOutcome> VerifyAsync(PhoneNumber phone, string digest, string? sessionId, WrongCodeLimits? limits = null)
    {
        limits ??= WrongCodeLimits.None;
        var r = (RedisResult[])(await RedisScripts.VerifyCode.EvaluateAsync(_db,
            [keys.Session(phone), keys.WrongCodes(phone), keys.ReadyCalls, keys.CallsToCancel],
            [digest, sessionId ?? "", limits.PerHour, limits.PerDay, keys.PhoneId(phone).Value, keys.SessionStatus("")]))!;
        var id = (string)r[1]!;
        var remaining = (long)r[2];
        var expiresAt = r.Length > 3 && (long)r[3] > 0 ? DateTimeOffset.FromUnixTimeMilliseconds((long)r[3]) : (DateTimeOffset?)null;
        return (string?)r[0] switch
        {
            "verified" => new VerifyOutcome(VerifyStatus.Verified, (int)remaining, id, expiresAt),
            "rejected" => new VerifyOutcome(VerifyStatus.Rejected, (int)remaining, id),
            "rate_limited" => new VerifyOutcome(VerifyStatus.RateLimited, 0, id) { RetryAfter = TimeSpan.FromMilliseconds(remaining) },
            "locked" => new VerifyOutcome(VerifyStatus.Locked, 0, id),
            _ => new VerifyOutcome(VerifyStatus.NotFound),
        };
    }

    public async Task<PhoneNumber?> FindPhoneAsync(string sessionId)
    {
        var sealedNumber = (string?)await _db.ScriptEvaluateAsync(FindSealedNumber, [keys.SessionStatus(sessionId)],
            [keys.SessionPrefix, sessionId]);
        return phones.TryUnseal(sessionId, sealedNumber, out var phone) ? phone : null;
    }

    public async Task<SpeakableSession?> FindSpeakableAsync(PhoneId phone, string sessionId)
    {
        var v = await _db.HashGetAsync(keys.Session(phone), ["status", "id", "sealed", "brand"]);
        if (v[0] != "pending" || v[1] != sessionId || v[2].IsNull)
            return null;
        return new SpeakableSession(v[2]!, v[3]!);
    }
}
