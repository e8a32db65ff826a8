using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Phones;

namespace VoiceOtp.Core.Redis;

// The whole key schema. Every key a Lua script touches carries the phone number as its hash tag,
// so the scripts stay single-slot on a cluster. The two lookup keys (session id and call token
// → phone number) live in their own slots and are only ever read or written outside scripts.
// TTL rule: every key expires with the session that created it; nothing is written without one.
//
//   {prefix}{+E164}:session              HASH  id, digest, sealed, attempts, max_attempts, status,
//                                              calls, retries, expires_at, brand
//   {prefix}{+E164}:call:{session}:{n}   HASH  posting, request_uuid, failed, outcome, call_uuid,
//                                              next_call, next_retry, scheduled (claim-call.lua,
//                                              CallAttemptStore, record-call-outcome.lua);
//                                              answered, machine, gate_digit (answer-call.lua),
//                                              wrong_keys, code_plays (press-key.lua, answer-call.lua),
//                                              heard (record-heard.lua); every writer checks it exists
//   {prefix}sid:{session}                STRING  +E164
//   {prefix}token:{SHA-256 of call token} STRING  +E164 session n
//   {prefix}status:{session}             HASH  phone, created_at, expires_at, max_attempts, attempts_left,
//                                              callback_url, status, ended_at, failed_call, failed_reason;
//                                              written only by SessionStatusStore; TTL session + StatusRetentionSeconds
//   {prefix}{events}:outbox              LIST  "d <event id>" (deliver) | "x <session>" (expiry check)
//   {prefix}{events}:claimed             ZSET  outbox entries being turned into Hangfire jobs, by lease end
//   {prefix}{events}:event:{event id}    HASH  url, body, delivered (or expires_at for an expiry check);
//                                              written only by EventOutbox; TTL EventOptions.EventTtl
// The call hash also gets hangup_cause, duration, bill_duration, ended_at from SessionStatusStore,
// which stretches its TTL by StatusRetentionSeconds so that ended calls stay readable in the status.
public sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    public string Session(PhoneNumber phone) => $"{Prefix}{{{phone.E164}}}:session";

    public string Call(PhoneNumber phone, string sessionId, int attempt) =>
        $"{Prefix}{{{phone.E164}}}:call:{sessionId}:{attempt}";

    public string SessionLookup(string sessionId) => $"{Prefix}sid:{{{sessionId}}}";

    public string TokenLookup(string token) => $"{Prefix}token:{{{CallToken.LookupId(token)}}}";

    public string SessionStatus(string sessionId) => $"{Prefix}status:{{{sessionId}}}";

    // The outbox keys share one slot so that claiming is one script.
    public string EventOutbox => $"{Prefix}{{events}}:outbox";

    public string EventClaims => $"{Prefix}{{events}}:claimed";

    public string EventRecord(string eventId) => $"{Prefix}{{events}}:event:{eventId}";
}
