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
//                                              next_call, next_retry, scheduled
//   {prefix}sid:{session}                STRING  +E164
//   {prefix}token:{SHA-256 of call token} STRING  +E164 session n
public sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    public string Session(PhoneNumber phone) => $"{Prefix}{{{phone.E164}}}:session";

    public string Call(PhoneNumber phone, string sessionId, int attempt) =>
        $"{Prefix}{{{phone.E164}}}:call:{sessionId}:{attempt}";

    public string SessionLookup(string sessionId) => $"{Prefix}sid:{{{sessionId}}}";

    public string TokenLookup(string token) => $"{Prefix}token:{{{CallToken.LookupId(token)}}}";
}
