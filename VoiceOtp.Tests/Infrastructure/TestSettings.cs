using System.Security.Cryptography;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Tests.Infrastructure;

// Configuration every app under test gets. Secrets are made fresh per run, never committed.
public static class TestSettings
{
    public static readonly string ApiKey = "test-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    public static readonly string CodeKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    public static readonly CodeKeys CodeKeys = new(Convert.FromBase64String(CodeKey));
    public static readonly string PlivoAuthId = "MATESTAUTHID0000" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 4);
    public static readonly string PlivoAuthToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
    public static readonly string CallbackSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static Dictionary<string, string> For(string baseUrl, string redis, string keyPrefix, string jobsPrefix) => new()
    {
        ["urls"] = baseUrl,
        ["VoiceOtp:PublicBaseUrl"] = baseUrl,
        ["VoiceOtp:ApiKeys:0"] = ApiKey,
        ["VoiceOtp:CodeKey"] = CodeKey,
        ["VoiceOtp:BrandName"] = "Acme & <Sons>",
        ["VoiceOtp:RetryDelaysSeconds:0"] = "1",
        ["VoiceOtp:RetryDelaysSeconds:1"] = "1",
        ["VoiceOtp:MaxCallsPerSession"] = "4",
        // Tests join pending sessions back to back; the cooldown itself is tested with its own host.
        ["VoiceOtp:ResendCooldownSeconds"] = "0",
        ["VoiceOtp:MinSecondsLeftToCall"] = "0",
        // Tests place calls faster than an account's default 2 per second; pacing has its own tests.
        ["VoiceOtp:CallsPerSecond"] = "0",
        // The receiver runs on 127.0.0.1, which only an explicit entry permits; localhost is left
        // out on purpose (it must be refused although it resolves to the same address).
        ["VoiceOtp:CallbackHosts:0"] = "127.0.0.1",
        ["VoiceOtp:CallbackHosts:1"] = "*.example.com",
        ["VoiceOtp:CallbackSecret"] = CallbackSecret,
        ["VoiceOtp:CallbackRetryDelaysSeconds:0"] = "1",
        ["VoiceOtp:CallbackRetryDelaysSeconds:1"] = "1",
        ["VoiceOtp:CallbackRetryDelaysSeconds:2"] = "1",
        ["Plivo:AuthId"] = PlivoAuthId,
        ["Plivo:AuthToken"] = PlivoAuthToken,
        ["Plivo:CallerId"] = "+14155550100",
        ["Redis:Configuration"] = redis,
        ["Redis:Password"] = RedisServer.Password,
        ["Redis:KeyPrefix"] = keyPrefix,
        ["Redis:JobsPrefix"] = jobsPrefix,
        ["Jobs:SchedulePollingIntervalMs"] = "200",
        ["Jobs:WorkerCount"] = "2",
        // Apps under test run in the Production environment and without dashboard credentials;
        // tests of those guards remove these.
        ["Plivo:AllowSimulator"] = "true",
        ["Dashboard:AllowAnonymousLoopback"] = "true",
    };

    // The key schema of an engine under test: its phone ids are keyed by the same CodeKey.
    public static RedisKeys KeysFor(string prefix) => new(prefix, CodeKeys);

    public static string[] AsArgs(this Dictionary<string, string> settings) =>
        settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
}
