using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Calls;

// Settles uncertain calls whose evidence window has passed (see CallQueue and
// resolve-uncertain-call.lua). The window is longer than a call can take to ring: Plivo posts
// ring_url when the phone rings, answer_url when it is picked up and hangup_url for every call it
// placed, answered or not, so a window with no callback means Plivo never placed the call.
public sealed partial class UncertainCallResolver(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    IOptions<VoiceOtpOptions> options,
    ILogger<UncertainCallResolver> logger)
{
    private const int Batch = 50;
    private readonly IDatabase _db = redis.GetDatabase();

    private static readonly string DueScript = RedisScripts.FailClosed("""
        #!lua
        local t = redis.call('TIME')
        return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', t[1] * 1000 + math.floor(t[2] / 1000), 'LIMIT', 0, ARGV[1])
        """, nameof(DueScript));

    // Ring timeout plus a margin for Plivo's own queueing and callback delivery, unless configured.
    public TimeSpan Window => TimeSpan.FromSeconds(options.Value.UncertainWindowSeconds > 0
        ? options.Value.UncertainWindowSeconds
        : options.Value.RingTimeoutSeconds + VoiceOtpOptions.UncertainMarginSeconds);

    public async Task<int> ResolveDueAsync()
    {
        var due = (RedisResult[])(await _db.ScriptEvaluateAsync(DueScript, [keys.UncertainCalls], [Batch]))!;
        foreach (var member in due)
        {
            if (!CallQueue.TryParseMember((string)member!, out var call))
            {
                await _db.SortedSetRemoveAsync(keys.UncertainCalls, (string)member!);
                continue;
            }
            var callKey = keys.Call(call.Phone, call.SessionId, call.CallNumber);
            var kind = (string?)await _db.ScriptEvaluateAsync(RedisScripts.ResolveUncertainCall,
                [callKey, keys.Session(call.Phone), keys.UncertainCalls, keys.ReadyCalls],
                [(string)member!, call.SessionId, keys.WakeChannel]);
            var resolution = kind switch
            {
                "placed" => UncertainResolution.Placed,
                "requeued" => UncertainResolution.Requeued,
                "given_up" => UncertainResolution.GivenUp,
                "ended" => UncertainResolution.SessionEnded,
                _ => UncertainResolution.Gone,
            };
            Log.Resolved(logger, call.SessionId, call.CallNumber, resolution);
        }
        return due.Length;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Session {SessionId} call {Call}: uncertain call resolved as {Resolution}")]
        public static partial void Resolved(ILogger logger, string sessionId, int call, UncertainResolution resolution);
    }
}

// How an uncertain call was settled once its evidence window passed.
public enum UncertainResolution
{
    // Another pump settled it first.
    Gone,
    // A callback for its token arrived: Plivo placed it; nothing more is sent.
    Placed,
    // No callback: queued again, once, with a fresh token.
    Requeued,
    // No callback for its second request either: left uncertain, no third request.
    GivenUp,
    // The session is verified, locked or expired: nothing to place.
    SessionEnded,
}
