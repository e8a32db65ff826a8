using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests;

// One redis-server and one in-process app for the whole run; tests isolate themselves through
// unique key prefixes and unique phone numbers, never through FLUSHDB.
[SetUpFixture]
public sealed class TestEnvironment
{
    public static RedisServer Redis { get; private set; } = null!;

    public static VoiceOtpHost Host { get; private set; } = null!;

    public static CallbackReceiver Receiver { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Redis = await RedisServer.StartAsync();
        Host = await VoiceOtpHost.StartAsync(Redis);
        Receiver = await CallbackReceiver.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Receiver is not null)
            await Receiver.DisposeAsync();
        if (Host is not null)
            await Host.DisposeAsync();
        if (Redis is not null)
            await Redis.DisposeAsync();
    }
}
