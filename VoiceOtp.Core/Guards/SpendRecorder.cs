using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Guards;

// Hangup path: estimates what the call cost (billed seconds rounded up to the billing increment,
// times the country's rate per minute), stores it on the call record and adds it to the day's
// spend, overall and per country, which admit.lua compares with the caps.
public sealed partial class SpendRecorder(IConnectionMultiplexer redis, RedisKeys keys, CallStore calls,
    IOptions<GuardOptions> options, TimeProvider clock, ILogger<SpendRecorder> logger)
{
    private static readonly TimeSpan DayKeyTtl = TimeSpan.FromDays(2);
    private readonly IDatabase _db = redis.GetDatabase();

    private static readonly string AddSpend = RedisScripts.FailClosed("""
        #!lua
        for i = 1, #KEYS do
          redis.call('INCRBY', KEYS[i], ARGV[1])
          redis.call('PEXPIRE', KEYS[i], ARGV[2])
        end
        return 1
        """, nameof(AddSpend));

    public decimal EstimateCost(string region, int billSeconds)
    {
        var o = options.Value;
        var increments = (billSeconds + o.BillingIncrementSeconds - 1) / o.BillingIncrementSeconds;
        return increments * o.BillingIncrementSeconds / 60m * o.RateFor(region);
    }

    // The region of a call whose status record is gone: priced at the default rate.
    public const string UnknownRegion = "ZZ";

    public async Task RecordAsync(CallRef call, string region, int billSeconds)
    {
        var cost = EstimateCost(region, billSeconds);
        var micros = SpendMicros.From(cost);
        // Two steps because the call record and the spend counters live in different slots; a crash
        // in between loses one call's spend, never counts it twice.
        if (!await calls.RecordCostAsync(call, billSeconds, micros))
            return;
        if (micros > 0)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            await _db.ScriptEvaluateAsync(AddSpend, [keys.Spend(today), keys.Spend(today, region)],
                [micros, (long)DayKeyTtl.TotalMilliseconds]);
        }
        // Logged once counted: whoever reads the line (an operator, a test) finds the cap already holds it.
        Log.Cost(logger, call.SessionId, call.CallNumber, region, billSeconds, cost);
    }
}
