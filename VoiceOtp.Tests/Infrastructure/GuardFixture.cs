using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Guards;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Tests.Infrastructure;

// Core's guard classes wired by hand to the test redis-server under a prefix of their own, with
// the options a test chooses.
public sealed class GuardFixture
{
    // Fixtures that share keys, codeKeys and fullWindows act as instances of one deployment.
    public GuardFixture(GuardOptions? options = null, RedisKeys? keys = null, CodeKeys? codeKeys = null,
        FullWindows? fullWindows = null, StackExchange.Redis.IConnectionMultiplexer? redis = null)
    {
        Options = options ?? new GuardOptions();
        Keys = keys ?? TestSettings.KeysFor($"guard-{Guid.NewGuid():N}:");
        var o = Microsoft.Extensions.Options.Options.Create(Options);
        redis ??= TestEnvironment.Redis.Connection;
        Scopes = new BreakerScopes(o);
        FullWindows = fullWindows ?? new FullWindows();
        Admission = new Admission(redis, Keys, new GuardTags(codeKeys ?? new CodeKeys(RandomNumberGenerator.GetBytes(32))),
            Scopes, FullWindows, o, TimeProvider.System, NullLogger<Admission>.Instance);
        Conversions = new ConversionTracker(redis, Keys, Scopes, o);
        Breakers = new BreakerStore(redis, Keys, TimeProvider.System);
    }

    public GuardOptions Options { get; }
    public RedisKeys Keys { get; }
    public BreakerScopes Scopes { get; }
    public FullWindows FullWindows { get; }
    public Admission Admission { get; }
    public ConversionTracker Conversions { get; }
    public BreakerStore Breakers { get; }

    public static RequestOrigin Origin(string? ip = null, string? user = null) =>
        new("key-" + Guid.NewGuid().ToString("N"), ip, user);
}
