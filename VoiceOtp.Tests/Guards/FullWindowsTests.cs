using System.Security.Cryptography;
using StackExchange.Redis;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Guards;
using VoiceOtp.Tests.Infrastructure;
using PhoneNumber = VoiceOtp.Core.Phones.PhoneNumber;

namespace VoiceOtp.Tests.Guards;

public sealed class FullWindowsTests
{
    private static PhoneNumber Phone()
    {
        PhoneNumber.TryParse(ExampleNumbers.Fresh("GB", PhoneNumbers.PhoneNumberType.MOBILE), out var phone);
        return phone!;
    }

    // The second fixture can reach no Redis at all: what it answers, it answers from memory.
    [Test]
    public async Task AWindowFoundFull_RefusesTheNextRequestWithoutRedis_WithTheSameAnswer()
    {
        var options = new GuardOptions { DispatchesPerNumberPerHour = 2 };
        var codeKeys = new CodeKeys(RandomNumberGenerator.GetBytes(32));
        var live = new GuardFixture(options, codeKeys: codeKeys);
        using var dead = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=200");
        var offline = new GuardFixture(options, live.Keys, codeKeys, live.FullWindows, dead);
        var phone = Phone();
        var origin = GuardFixture.Origin();
        for (var i = 0; i < 2; i++)
            Assert.That(await live.Admission.AdmitDispatchAsync(phone, origin), Is.Null);
        var fromRedis = await live.Admission.AdmitDispatchAsync(phone, origin);

        var fromMemory = await offline.Admission.AdmitDispatchAsync(phone, GuardFixture.Origin());

        Assert.That(fromRedis?.Kind, Is.EqualTo(RefusalKind.RateLimited));
        Assert.That(fromMemory?.Kind, Is.EqualTo(RefusalKind.RateLimited));
        Assert.That(fromMemory!.Message, Does.Contain("2 dispatches per hour to this number"));
        Assert.That(fromMemory.RetryAfterSeconds, Is.InRange(fromRedis!.RetryAfterSeconds - 5, fromRedis.RetryAfterSeconds));
        Assert.ThrowsAsync<RedisConnectionException>(() => offline.Admission.AdmitDispatchAsync(Phone(), GuardFixture.Origin()),
            "a number whose window is not known to be full still asks Redis");
    }

    [Test]
    public async Task AFullApiKeyWindow_RefusesOnlyThatKey()
    {
        var f = new GuardFixture(new GuardOptions { DispatchesPerApiKeyPerMinute = 1 });
        var full = GuardFixture.Origin();
        Assert.That(await f.Admission.AdmitDispatchAsync(Phone(), full), Is.Null);
        Assert.That((await f.Admission.AdmitDispatchAsync(Phone(), full))?.Message, Does.Contain("API key"));

        var phone = Phone();
        Assert.That((await f.Admission.AdmitDispatchAsync(phone, full))?.Kind, Is.EqualTo(RefusalKind.RateLimited));
        Assert.That(await f.Admission.AdmitDispatchAsync(phone, GuardFixture.Origin()), Is.Null, "another API key, same number");
    }

    [Test]
    public void AMemory_EndsWhenTheWindowFrees()
    {
        var windows = new FullWindows();
        windows.Remember("k", 60_000, FullWindows.Now(), 50);

        Assert.That(windows.Remaining("k", 60_000), Is.Not.Null.And.LessThanOrEqualTo(TimeSpan.FromMilliseconds(50)));
        Assert.That(windows.Remaining("k", 3_600_000), Is.Null, "another window of the same key is its own");
        Thread.Sleep(100);
        Assert.That(windows.Remaining("k", 60_000), Is.Null);
    }
}
