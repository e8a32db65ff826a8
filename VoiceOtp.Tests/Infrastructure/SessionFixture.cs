using System.Security.Cryptography;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceOtp.Core;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Events;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Redis;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Tests.Infrastructure;

// Core's session classes wired by hand to the test redis-server under a prefix of their own.
public sealed class SessionFixture
{
    public SessionFixture() : this(TestEnvironment.Redis.Connection)
    {
    }

    public SessionFixture(IConnectionMultiplexer redis)
    {
        var codeKeys = new CodeKeys(RandomNumberGenerator.GetBytes(32));
        Keys = new RedisKeys($"unit:{{{Guid.NewGuid():N}}}:", codeKeys);
        Phones = new PhoneSealer(codeKeys);
        Store = new OtpSessionStore(redis, Keys, Phones);
        Hasher = new CodeHasher(codeKeys);
        Sealer = new CodeSealer(codeKeys);
        var events = Options.Create(new EventOptions());
        var connection = TestEnvironment.Redis.Connection;
        Events = new SessionEvents(new SessionStatusStore(connection, Keys, events), new EventOutbox(connection, Keys, events),
            Options.Create(new VoiceOtpOptions()), TimeProvider.System, NullLogger<SessionEvents>.Instance);
        var guards = new GuardFixture(keys: Keys, codeKeys: codeKeys);
        Verifier = new OtpVerifier(Store, Hasher, Events, Metrics, guards.Admission, guards.Conversions,
            Options.Create(new VoiceOtpOptions()), NullLogger<OtpVerifier>.Instance);
    }

    // The metrics sink of a bare service provider: real instruments, nobody listening.
    private static readonly VoiceOtpMetrics Metrics = new(
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>(),
        Options.Create(new VoiceOtpOptions()), TimeProvider.System);

    public RedisKeys Keys { get; }
    public OtpSessionStore Store { get; }
    public CodeHasher Hasher { get; }
    public CodeSealer Sealer { get; }
    public PhoneSealer Phones { get; }

    // The call reference the engine would hold for a number's nth call.
    public CallRef Call(PhoneNumber phone, string sessionId, int call) => new(Keys.PhoneId(phone), sessionId, call);
    public SessionEvents Events { get; }
    public OtpVerifier Verifier { get; }

    public async Task<(PhoneNumber Phone, OtpCode Code, OpenedSession Session)> OpenAsync(
        TimeSpan? ttl = null, int maxAttempts = 5, int maxCalls = 3, PhoneNumber? number = null)
    {
        var phone = number;
        if (phone is null)
            PhoneNumber.TryParse(TestPhones.Next(), out phone);
        var code = OtpCodeGenerator.Generate(6);
        var id = SessionId.New();
        var lifetime = ttl ?? TimeSpan.FromMinutes(5);
        // With its status record, as OtpDispatcher opens one: it names the number's id for a verify by session id.
        var opened = await Store.OpenOrJoinAsync(phone!, new NewSession(id, Hasher.Hash(phone!.E164, code),
            Sealer.Seal(id, code), lifetime, maxAttempts, maxCalls, DateTimeOffset.UtcNow + lifetime, "Acme")
        {
            Status = new NewSessionStatus(DateTimeOffset.UtcNow, SessionStatusStore.RecordTtl(lifetime, 3600), null),
        });
        return (phone, code, opened);
    }

    public static OtpCode WrongCode(OtpCode code)
    {
        var digits = code.Reveal().ToCharArray();
        digits[0] = digits[0] == '9' ? '0' : (char)(digits[0] + 1);
        OtpCode.TryParse(new string(digits), out var wrong);
        return wrong;
    }
}
