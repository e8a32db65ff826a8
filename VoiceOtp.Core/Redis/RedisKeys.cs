using System.Security.Cryptography;
using System.Text;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Phones;

namespace VoiceOtp.Core.Redis;

// The whole key schema. Every engine key sits under ONE hash tag, the one in the prefix (default
// "voiceotp:{o}:"), so that a single script may open a session, write its lookup and queue its call
// in one atomic step (open-or-join-session.lua), and verify-code.lua or record-call-outcome.lua may
// reach the queue too. That gives up spreading the engine over cluster shards; we accept it because
// VoiceOtp runs against a single primary (AOF, noeviction), and Hangfire's storage is single-slot
// already ({voiceotp-jobs}:). The validator refuses a prefix without a hash tag.
// TTL rule: session and lookup keys expire with the session that created them; call records
// CallQueue.AfterSession later (claim-call.lua), so that the session's end can still stop its calls. The
// queue ZSETs have no TTL: every member leaves them when a pump claims it (or after a retention,
// for uncertain calls), so their size is bounded by the calls in progress.
//
// No key name and no value holds a phone number. A number is named by its PhoneId (PhoneId(phone):
// a keyed HMAC under a key derived from VoiceOtp:CodeKey, 32 hex digits), and the one copy the call
// placer needs is sealed (PhoneSealer: AES-GCM bound to the session id) in the session-id lookup.
// The status record keeps only the masked number (PhoneMask).
//
//   {p}session:{phone id}     HASH  id, digest, sealed, attempts, max_attempts, status, calls,
//                                   retries, expires_at, brand, last_call_at, resends, number
//                                   (open-or-join, verify-code; record-call-outcome writes calls,
//                                   retries and last_call_at). number is the number sealed for this
//                                   session (PhoneSealer), read by claim-call.lua for the Make-a-call
//                                   request and by a verify by session id (which finds the phone id
//                                   in the status record); it lives exactly as long as the session
//   {p}wrong_codes:{phone id} ZSET  one member per wrong code, scored by Redis time (ms), across
//                                   sessions; written by verify-code.lua only, read by open-or-join;
//                                   expires a day after the last wrong code
//   {p}call:{session}:{n}     HASH  posted_at, token (digest of the call's current CallToken; the
//                                   token names this hash, so no lookup key), not_sent, request_uuid,
//                                   plivo_queued, failed,
//                                   uncertain, requeued, outcome, call_uuid, ringing, next_call,
//                                   cancel_tries   (claim-call, CallQueue, resolve-uncertain-call,
//                                   record-call-outcome, CallStore.RecordLive, CallCanceller);
//                                   answered, machine, gate_digit (answer-call.lua), wrong_keys,
//                                   code_plays (press-key.lua, answer-call.lua), heard
//                                   (record-heard.lua); every writer checks it exists
//   {p}calls:ready            ZSET  "session:n:{phone id}" by due time (ms)  (see CallQueue); a new
//                                   session's first call is scored CallQueue.FirstCallLeadMs earlier
//   {p}calls:leased           ZSET  same members by lease deadline: claimed, no request sent yet
//   {p}calls:posting          ZSET  same members by lease deadline: the posting mark
//   {p}calls:uncertain        ZSET  same members by the end of their evidence window (CallPlacer,
//                                   claim-calls; settled by resolve-uncertain-call)
//   {p}calls:cancel           ZSET  "session:calls:{phone id}" by due time: sessions that ended
//                                   (verify-code) whose calls still at Plivo are to be cancelled
//                                   (CallCanceller), and "expiring:{bucket}" due at the end of an
//                                   expiry bucket (open-or-join); CallCanceller removes each when
//                                   done, cancel-calls.lua a bucket's once its list is empty
//   {p}calls:expiring:{bucket} LIST session ids whose sessions expire within the bucket (expiry ms /
//                                   CallCanceller.ExpiryBucketMs, rounded up); open-or-join pushes
//                                   on open, cancel-calls.lua pops them into calls:cancel when due
//   {p}calls:starts           LIST  start times (ms) of the last CallsPerSecond calls, newest first
//                                   (claim-calls: a sliding 1 s pacing window); TTL 2 s
//   {p}calls:wake             pub/sub channel, published when a call becomes the earliest due
//   {p}status:{session}       HASH  masked number, phone id, region, created_at, expires_at,
//                                   max attempts, attempts left, callback URL, status, ended_at,
//                                   failed call, failed reason (short names: StatusFields); written
//                                   by SessionStatusStore, and verify-code.lua sets attempts left on
//                                   a wrong code; cancel-calls.lua and a verify by session id read
//                                   the phone id;
//                                   TTL session + StatusRetentionSeconds
//   {p}webhook:{SHA-256(sig)} STRING "1": an accepted Plivo webhook signature (WebhookReplayGuard);
//                                   TTL session lifetime + StatusRetentionSeconds
//   {p}events:outbox          LIST  "d <event id>" (deliver) | "x <session>" (expiry check)
//   {p}events:claimed         ZSET  outbox entries being turned into Hangfire jobs, by lease end
//   {p}events:event:{id}      HASH  url, body (the masked number only), delivered (or expires_at for
//                                   an expiry check); written only by EventOutbox; TTL EventOptions.EventTtl
// Hangfire's jobs ({voiceotp-jobs}:) take event ids and session ids as arguments, never a number.
// The call hash also gets hangup_cause, duration, bill_duration, ended_at from SessionStatusStore,
// which stretches its TTL by StatusRetentionSeconds so that ended calls stay readable in the status.
//
// Fields cost_micros and bill_seconds of a call hash are written once by CallStore.RecordCostAsync
// (SpendRecorder, from the hangup), only while the hash exists.
//
// The guard keys (rate limits, breakers, spend) sit under the prefix's hash tag like every other key,
// which lets admit.lua check all of a dispatch's limits in one step; counters are named by GuardTags
// digests, never by a number, IP or key. Scope is a country ("GB") or a country and prefix ("GB:+44207").
//   {p}guard:rate:{limit}:{tag}    ZSET   request id -> Redis time (ms); admit.lua; TTL = longest window of the key
//                                          (limit "number" holds both number limits, hour and day)
//   {p}guard:calls:{scope}         ZSET   the same, calls placed to a country in the last hour
//   {p}guard:breakers              HASH   scope -> "open_until_ms|reason|opened_ms"; admit.lua
//                                                trips, BreakerStore resets; TTL = longest cool-down
//   {p}guard:conv:{scope}          LIST   newest session ids first, at most N; track-session.lua
//   {p}guard:conv-at:{scope}       HASH   session id -> expiry ms, or "v" once verified; TTL 7 days
//   {p}guard:spend:{yyyyMMdd}[:{region}]  STRING  micro-units spent that UTC day; TTL 2 days
public sealed class RedisKeys(string prefix, CodeKeys codeKeys)
{
    public string Prefix { get; } = prefix;

    // The one name Redis knows a number by (see PhoneId).
    public PhoneId PhoneId(PhoneNumber phone)
    {
        if (phone.IdMemo is { } memo && ReferenceEquals(memo.Keys, codeKeys))
            return memo.Id;
        var mac = codeKeys.PhoneIdMac.Of(Encoding.ASCII.GetBytes(phone.E164));
        var id = new PhoneId(Convert.ToHexStringLower(mac, 0, Phones.PhoneId.Length / 2));
        phone.IdMemo = new PhoneIdMemo(codeKeys, id);
        return id;
    }

    public string Session(PhoneNumber phone) => Session(PhoneId(phone));

    public string Session(PhoneId phone) => $"{Prefix}session:{phone.Value}";

    public string Call(PhoneId phone, string sessionId, int call) => $"{Prefix}call:{sessionId}:{call}";

    public string WrongCodes(PhoneNumber phone) => $"{Prefix}wrong_codes:{PhoneId(phone).Value}";

    // For scripts that learn a phone id only from a record (the key shares the hash tag).
    public string SessionPrefix => $"{Prefix}session:";

    public string ReadyCalls { get; } = prefix + "calls:ready";

    public string LeasedCalls { get; } = prefix + "calls:leased";

    public string WebhookSignature(string digest) => $"{Prefix}webhook:{digest}";

    public string PostingCalls { get; } = prefix + "calls:posting";

    public string UncertainCalls { get; } = prefix + "calls:uncertain";

    public string CallPace { get; } = prefix + "calls:starts";

    public string CallsToCancel { get; } = prefix + "calls:cancel";

    public string ExpiryBuckets { get; } = prefix + "calls:expiring:";

    public string WakeChannel { get; } = prefix + "calls:wake";

    // True when the prefix carries a non-empty {hash tag}, so every key above shares one slot.
    public static bool HasHashTag(string prefix)
    {
        var open = prefix.IndexOf('{');
        return open >= 0 && prefix.IndexOf('}', open + 1) > open + 1;
    }

    public string SessionStatus(string sessionId) => $"{Prefix}status:{sessionId}";

    // Under the prefix's hash tag like every engine key, so claiming the outbox is one script.
    public string EventOutbox => $"{Prefix}events:outbox";

    public string EventClaims => $"{Prefix}events:claimed";

    public string EventRecord(string eventId) => $"{Prefix}events:event:{eventId}";

    public string RateWindow(string limit, string tag) => $"{Prefix}guard:rate:{limit}:{tag}";

    public string CallWindow(string scope) => $"{Prefix}guard:calls:{scope}";

    public string Breakers => $"{Prefix}guard:breakers";

    public string ConversionList(string scope) => $"{Prefix}guard:conv:{scope}";

    public string ConversionStates(string scope) => $"{Prefix}guard:conv-at:{scope}";

    public string Spend(DateOnly day, string? region = null) =>
        $"{Prefix}guard:spend:" + day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + (region is null ? "" : ":" + region);
}
