using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Guards;

// admit.lua: every limit of one request checked, and counted if all pass, in one script. A verify
// runs it alone; a dispatch hands it to the session store (PrepareDispatch), which runs it in the
// dispatch script's step, and reads its answer back here (Interpret). A refusal costs at most that
// script, no session read and no call placed; a request in a window already known to be full
// (FullWindows) is refused without Redis.
public sealed partial class Admission(IConnectionMultiplexer redis, RedisKeys keys, GuardTags tags,
    BreakerScopes scopes, FullWindows fullWindows, IOptions<GuardOptions> options, TimeProvider clock, ILogger<Admission> logger)
{
    private readonly IDatabase _db = redis.GetDatabase();

    internal sealed record Window(string Name, string Key, int Limit, TimeSpan Span, string Trips = "");

    public Task<Refusal?> AdmitDispatchAsync(PhoneNumber phone, RequestOrigin origin) => RunAsync(PrepareDispatch(phone, origin));

    // The dispatch's admission, for the dispatch script to run in the same step as the session
    // (RedisScripts.AdmitAndOpenSession); Interpret reads its answer.
    public AdmissionCheck PrepareDispatch(PhoneNumber phone, RequestOrigin origin)
    {
        var o = options.Value;
        // Both number limits share one log: one key per number, not two.
        var number = tags.Of("number", phone.E164);
        var windows = new List<Window>
        {
            new($"{o.DispatchesPerNumberPerHour} dispatches per hour to this number", keys.RateWindow("number", number),
                o.DispatchesPerNumberPerHour, TimeSpan.FromHours(1)),
            new($"{o.DispatchesPerNumberPerDay} dispatches per day to this number", keys.RateWindow("number", number),
                o.DispatchesPerNumberPerDay, TimeSpan.FromDays(1)),
            new($"{o.DispatchesPerApiKeyPerMinute} dispatches per minute for this API key",
                keys.RateWindow("apikey-minute", tags.Of("apikey", origin.ApiKeyId)), o.DispatchesPerApiKeyPerMinute, TimeSpan.FromMinutes(1)),
        };
        if (origin.ClientIp is { } ip)
            windows.Add(new($"{o.DispatchesPerClientIpPerHour} dispatches per hour for this client_ip",
                keys.RateWindow("ip-dispatch", tags.Of("ip", ip)), o.DispatchesPerClientIpPerHour, TimeSpan.FromHours(1)));
        if (origin.RateLimitKey is { } user)
            windows.Add(new($"{o.DispatchesPerRateLimitKeyPerHour} dispatches per hour for this rate_limit_key",
                keys.RateWindow("user-dispatch", tags.Of("user", user)), o.DispatchesPerRateLimitKeyPerHour, TimeSpan.FromHours(1)));
        var breakerScopes = scopes.For(phone);
        if (o.CountryHourlyCallLimit > 0)
            windows.Add(new("", keys.CallWindow(phone.RegionCode), o.CountryHourlyCallLimit, TimeSpan.FromHours(1), phone.RegionCode));
        return Prepare(windows, breakerScopes, phone.RegionCode);
    }

    private static readonly Task<Refusal?> Admitted = Task.FromResult<Refusal?>(null);

    public Task<Refusal?> AdmitVerifyAsync(RequestOrigin? origin)
    {
        // Most verifies name neither, and an attacker's wrong codes pass here too.
        if (origin?.ClientIp is null && origin?.RateLimitKey is null)
            return Admitted;
        var o = options.Value;
        var windows = new List<Window>();
        if (origin?.ClientIp is { } ip)
            windows.Add(new($"{o.VerifiesPerClientIpPerHour} verifications per hour for this client_ip",
                keys.RateWindow("ip-verify", tags.Of("ip", ip)), o.VerifiesPerClientIpPerHour, TimeSpan.FromHours(1)));
        if (origin?.RateLimitKey is { } user)
            windows.Add(new($"{o.VerifiesPerRateLimitKeyPerHour} verifications per hour for this rate_limit_key",
                keys.RateWindow("user-verify", tags.Of("user", user)), o.VerifiesPerRateLimitKeyPerHour, TimeSpan.FromHours(1)));
        return RunAsync(Prepare(windows, [], null));
    }

    private async Task<Refusal?> RunAsync(AdmissionCheck check) =>
        check.Remembered ?? Interpret(check, (RedisResult[])(await RedisScripts.Admit.EvaluateAsync(_db, check.Keys, check.Args))!);

    private AdmissionCheck Prepare(List<Window> windows, IReadOnlyList<string> breakerScopes, string? region)
    {
        // Call windows trip a breaker when full, which only the script may do.
        foreach (var w in windows)
            if (w.Trips == "" && fullWindows.Remaining(w.Key, (long)w.Span.TotalMilliseconds) is { } left)
                return new AdmissionCheck(RateLimited(w, (long)Math.Ceiling(left.TotalMilliseconds)));
        var o = options.Value;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var k = new List<RedisKey>(windows.Select(w => (RedisKey)w.Key));
        // The request id is a member of every window it is counted in, for as long as the longest
        // window (a day for a number): 72 random bits in 12 characters, where a GUID's 32 hex digits
        // cost twice as much memory per entry; a collision inside one key would only miss one count.
        var a = new List<RedisValue>
        {
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9)), windows.Count, breakerScopes.Count, region is null ? "0" : "1",
            o.BreakerCooldownSeconds * 1000L, SpendMicros.From(o.DailySpendLimit), SpendMicros.From(o.DailySpendLimitPerCountry),
        };
        foreach (var w in windows)
            a.AddRange([w.Limit, (long)w.Span.TotalMilliseconds, w.Trips]);
        if (breakerScopes.Count > 0)
            k.Add(keys.Breakers);
        foreach (var s in breakerScopes)
        {
            k.AddRange([keys.ConversionList(s), keys.ConversionStates(s)]);
            a.AddRange([s, o.ConversionWindowSessions, (int)Math.Round(o.MinConversionRate * 1000)]);
        }
        if (region is not null)
            k.AddRange([keys.Spend(today), keys.Spend(today, region)]);

        return new AdmissionCheck(k.ToArray(), a.ToArray(), windows, FullWindows.Now());
    }

    // admit.lua's answer: null when admitted.
    public Refusal? Interpret(AdmissionCheck check, RedisResult[] r)
    {
        switch ((string)r[0]!)
        {
            case "allowed":
                return null;
            case "rate_limited":
                var full = check.Windows[(int)r[2] - 1];
                fullWindows.Remember(full.Key, (long)full.Span.TotalMilliseconds, check.AskedAt, (long)r[1]);
                return RateLimited(full, (long)r[1]);
            default:
                return Blocked((string)r[1]!, (string)r[2]!, (int)r[3] == 1, (long)r[4]);
        }
    }

    private static Refusal RateLimited(Window full, long waitMs)
    {
        var seconds = (int)Math.Max(1, Math.Ceiling(waitMs / 1000.0));
        return new Refusal(RefusalKind.RateLimited, $"rate limit reached ({full.Name}); retry in {seconds} s", seconds);
    }

    private Refusal Blocked(string reason, string scope, bool trippedNow, long openMs)
    {
        if (trippedNow)
            Log.BreakerOpened(logger, scope, reason, options.Value.BreakerCooldownSeconds);
        var minutes = (int)Math.Ceiling(openMs / 60_000.0);
        var where = scope.Contains(':') ? $"numbers in {BreakerScopes.CountryOf(scope)} starting {scope.Split(':')[1]}"
            : $"numbers in {scope}";
        return Refusal.Blocked(reason switch
        {
            "calls" => $"calls to {where} are paused: too many calls in the last hour (for up to {minutes} min)",
            "conversion" => $"calls to {where} are paused: too few recent calls were verified (for up to {minutes} min)",
            "spend" => "the daily call spend cap is reached; calls resume after midnight UTC",
            _ => "the daily call spend cap for this country is reached; calls resume after midnight UTC",
        });
    }
}
