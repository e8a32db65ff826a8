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
    public GuardFixture(GuardOptions? options = null, RedisKeys? keys = null, CodeKeys? codeKeys = null)
    {
        Options = options ?? new GuardOptions();
        Keys = keys ?? TestSettings.KeysFor($"guard-{Guid.NewGuid():N}:");
        var o = Microsoft.Extensions.Options.Options.Create(Options);
        var redis = TestEnvironment.Redis.Connection;
        Scopes = new BreakerScopes(o);
        Admission = new Admission(redis, Keys, new GuardTags(codeKeys ?? new CodeKeys(RandomNumberGenerator.GetBytes(32))),
            Scopes, o, TimeProvider.System, NullLogger<Admission>.Instance);
        Conversions = new ConversionTracker(redis, Keys, Scopes, o);
        Breakers = new BreakerStore(redis, Keys, TimeProvider.System);
    }

    public GuardOptions Options { get; }
    public RedisKeys Keys { get; }
    public BreakerScopes Scopes { get; }
    public Admission Admission { get; }
    public ConversionTracker Conversions { get; }
    public BreakerStore Breakers { get; }

    public static RequestOrigin Origin(string? ip = null, string? user = null) =>
        new("key-" + Guid.NewGuid().ToString("N"), ip, user);
}
