using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Guards;

// Feeds the conversion rule of the breakers: each new session is remembered per scope, and a
// verified one is marked. Pumped numbers answer but never verify, so their scope's rate falls.
public sealed class ConversionTracker(IConnectionMultiplexer redis, RedisKeys keys, BreakerScopes scopes,
    IOptions<GuardOptions> options)
{
    private static readonly TimeSpan HistoryTtl = TimeSpan.FromDays(7);
    private readonly IDatabase _db = redis.GetDatabase();

    // Marks only a session that is still remembered, so that no hash is left without a TTL.
    private static readonly string MarkVerified = RedisScripts.FailClosed("""
        #!lua
        for i = 1, #KEYS do
          if redis.call('HEXISTS', KEYS[i], ARGV[1]) == 1 then
            redis.call('HSET', KEYS[i], ARGV[1], 'v')
          end
        end
        return 1
        """, nameof(MarkVerified));

    public Task RecordOpenedAsync(PhoneNumber phone, string sessionId, TimeSpan ttl)
    {
        if (options.Value.MinConversionRate <= 0)
            return Task.CompletedTask;
        var k = scopes.For(phone).SelectMany(s => new RedisKey[] { keys.ConversionList(s), keys.ConversionStates(s) }).ToArray();
        return _db.ScriptEvaluateAsync(RedisScripts.TrackSession, k,
            [sessionId, (long)ttl.TotalMilliseconds, options.Value.ConversionWindowSessions, (long)HistoryTtl.TotalMilliseconds]);
    }

    public Task RecordVerifiedAsync(PhoneNumber phone, string sessionId)
    {
        if (options.Value.MinConversionRate <= 0)
            return Task.CompletedTask;
        var k = scopes.For(phone).Select(s => (RedisKey)keys.ConversionStates(s)).ToArray();
        return _db.ScriptEvaluateAsync(MarkVerified, k, [sessionId]);
    }
}
