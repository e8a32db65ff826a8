using PhoneNumbers;
using VoiceOtp.Core.Guards;
using VoiceOtp.Core.Sessions;
using VoiceOtp.Tests.Infrastructure;
using PhoneNumber = VoiceOtp.Core.Phones.PhoneNumber;

namespace VoiceOtp.Tests.Guards;

public sealed class AdmissionTests
{
    private static PhoneNumber Phone(string region = "GB", PhoneNumberType type = PhoneNumberType.MOBILE)
    {
        PhoneNumber.TryParse(ExampleNumbers.Fresh(region, type), out var phone);
        return phone!;
    }

    [Test]
    public async Task Dispatch_IsRateLimitedWithRetryAfter_OnTheSixthToOneNumberWithinAnHour()
    {
        var f = new GuardFixture();
        var phone = Phone();
        for (var i = 0; i < 5; i++)
            Assert.That(await f.Admission.AdmitDispatchAsync(phone, GuardFixture.Origin()), Is.Null);

        var refusal = await f.Admission.AdmitDispatchAsync(phone, GuardFixture.Origin());

        Assert.That(refusal?.Kind, Is.EqualTo(RefusalKind.RateLimited));
        Assert.That(refusal!.RetryAfterSeconds, Is.InRange(3500, 3600));
        Assert.That(refusal.Message, Does.Contain("per hour to this number"));
        Assert.That(await f.Admission.AdmitDispatchAsync(Phone(), GuardFixture.Origin()), Is.Null, "another number is unaffected");
    }

    [Test]
    public async Task Dispatch_KeepsBothNumberLimitsInOneLog_AndTheDayLimitCountsItToo()
    {
        var f = new GuardFixture(new GuardOptions { DispatchesPerNumberPerHour = 5, DispatchesPerNumberPerDay = 3 });
        var phone = Phone();
        for (var i = 0; i < 3; i++)
            Assert.That(await f.Admission.AdmitDispatchAsync(phone, GuardFixture.Origin()), Is.Null);

        var refusal = await f.Admission.AdmitDispatchAsync(phone, GuardFixture.Origin());

        Assert.That(refusal?.Message, Does.Contain("per day to this number"));
        Assert.That(refusal!.RetryAfterSeconds, Is.InRange(86_300, 86_400));
        var server = TestEnvironment.Redis.Connection.GetServers()[0];
        var logs = server.Keys(pattern: f.Keys.Prefix.Replace("{", "\\{").Replace("}", "\\}") + "guard:rate:number*").ToList();
        Assert.That(logs, Has.Count.EqualTo(1), "one sorted set serves the hour and the day limit of a number");
        Assert.That(await TestEnvironment.Redis.Connection.GetDatabase().SortedSetLengthAsync(logs[0]), Is.EqualTo(3));
    }

    [Test]
    public async Task Dispatch_RefusalCountsNothing_SoOtherLimitsKeepTheirBudget()
    {
        var f = new GuardFixture(new GuardOptions { DispatchesPerNumberPerHour = 1, DispatchesPerApiKeyPerMinute = 2 });
        var origin = GuardFixture.Origin();
        var phone = Phone();
        Assert.That(await f.Admission.AdmitDispatchAsync(phone, origin), Is.Null);
        for (var i = 0; i < 3; i++)
            Assert.That((await f.Admission.AdmitDispatchAsync(phone, origin))?.Kind, Is.EqualTo(RefusalKind.RateLimited));

        // The three refusals did not use the key's second slot.
        Assert.That(await f.Admission.AdmitDispatchAsync(Phone(), origin), Is.Null);
        var third = await f.Admission.AdmitDispatchAsync(Phone(), origin);

        Assert.That(third?.Kind, Is.EqualTo(RefusalKind.RateLimited));
        Assert.That(third!.Message, Does.Contain("API key"));
        Assert.That(third.RetryAfterSeconds, Is.InRange(1, 60));
    }

    [Test]
    public async Task Dispatch_IsRateLimited_PerClientIpAndPerRateLimitKey()
    {
        var f = new GuardFixture(new GuardOptions { DispatchesPerClientIpPerHour = 2, DispatchesPerRateLimitKeyPerHour = 3 });
        var ip = $"203.0.113.{Random.Shared.Next(1, 255)}";
        Assert.That(await f.Admission.AdmitDispatchAsync(Phone(), GuardFixture.Origin(ip)), Is.Null);
        Assert.That(await f.Admission.AdmitDispatchAsync(Phone(), GuardFixture.Origin(ip, "user-1")), Is.Null);

        var byIp = await f.Admission.AdmitDispatchAsync(Phone(), GuardFixture.Origin(ip));
        Assert.That(await f.Admission.AdmitDispatchAsync(Phone(), GuardFixture.Origin("198.51.100.1", "user-1")), Is.Null);
        Assert.That(await f.Admission.AdmitDispatchAsync(Phone(), GuardFixture.Origin("198.51.100.2", "user-1")), Is.Null);
        var byUser = await f.Admission.AdmitDispatchAsync(Phone(), GuardFixture.Origin("198.51.100.3", "user-1"));

        Assert.That(byIp?.Message, Does.Contain("client_ip"));
        Assert.That(byUser?.Message, Does.Contain("rate_limit_key"));
    }

    [Test]
    public async Task Verify_IsRateLimited_PerClientIp_AndUnlimitedWithoutOne()
    {
        var f = new GuardFixture(new GuardOptions { VerifiesPerClientIpPerHour = 2 });
        var origin = GuardFixture.Origin("2001:db8::7");
        Assert.That(await f.Admission.AdmitVerifyAsync(origin), Is.Null);
        Assert.That(await f.Admission.AdmitVerifyAsync(origin), Is.Null);

        Assert.That((await f.Admission.AdmitVerifyAsync(origin))?.Kind, Is.EqualTo(RefusalKind.RateLimited));
        Assert.That(await f.Admission.AdmitVerifyAsync(GuardFixture.Origin()), Is.Null);
    }

    [Test]
    public async Task Dispatch_TripsTheCountryBreaker_WhenItsHourlyCallLimitIsReached()
    {
        var f = new GuardFixture(new GuardOptions { CountryHourlyCallLimit = 3 });
        for (var i = 0; i < 3; i++)
            Assert.That(await f.Admission.AdmitDispatchAsync(Phone("NL"), GuardFixture.Origin()), Is.Null);

        var tripped = await f.Admission.AdmitDispatchAsync(Phone("NL"), GuardFixture.Origin());
        var again = await f.Admission.AdmitDispatchAsync(Phone("NL"), GuardFixture.Origin());
        var open = await f.Breakers.ListOpenAsync();

        Assert.That(tripped?.Kind, Is.EqualTo(RefusalKind.Blocked));
        Assert.That(tripped!.Message, Does.Contain("NL").And.Contain("too many calls"));
        Assert.That(again?.Kind, Is.EqualTo(RefusalKind.Blocked));
        Assert.That(again!.Message, Does.Contain("too many calls"));
        Assert.That(await f.Admission.AdmitDispatchAsync(Phone("GB"), GuardFixture.Origin()), Is.Null, "another country is unaffected");
        Assert.That(open.Select(b => (b.Country, b.Prefix, b.Reason)), Is.EqualTo(new[] { ("NL", (string?)null, "calls") }));
    }

    [Test]
    public async Task Dispatch_TripsTheBreaker_WhenSessionsNeverVerify_AndAResetClosesIt()
    {
        var f = new GuardFixture(new GuardOptions { ConversionWindowSessions = 4, MinConversionRate = 0.5 });
        for (var i = 0; i < 4; i++)
            await f.Conversions.RecordOpenedAsync(Phone("DE"), SessionId.New(), TimeSpan.FromMilliseconds(1));
        await Task.Delay(20); // past the sessions' 1 ms lifetime, so they count as unconverted

        var refusal = await f.Admission.AdmitDispatchAsync(Phone("DE"), GuardFixture.Origin());
        var open = await f.Breakers.ListOpenAsync();
        var reset = await f.Breakers.ResetAsync("DE");

        Assert.That(refusal?.Kind, Is.EqualTo(RefusalKind.Blocked));
        Assert.That(refusal!.Message, Does.Contain("too few recent calls were verified"));
        Assert.That(open.Single().Reason, Is.EqualTo("conversion"));
        Assert.That(reset, Is.EqualTo(1));
        Assert.That(await f.Breakers.ListOpenAsync(), Is.Empty);
        Assert.That(await f.Admission.AdmitDispatchAsync(Phone("DE"), GuardFixture.Origin()), Is.Null);
    }

    [Test]
    public async Task Dispatch_StaysOpen_WhenEnoughSessionsVerify()
    {
        var f = new GuardFixture(new GuardOptions { ConversionWindowSessions = 4, MinConversionRate = 0.5 });
        for (var i = 0; i < 4; i++)
        {
            var phone = Phone("FR");
            var id = SessionId.New();
            await f.Conversions.RecordOpenedAsync(phone, id, TimeSpan.FromMilliseconds(1));
            if (i % 2 == 0)
                await f.Conversions.RecordVerifiedAsync(phone, id);
        }
        await Task.Delay(20);

        Assert.That(await f.Admission.AdmitDispatchAsync(Phone("FR"), GuardFixture.Origin()), Is.Null);
    }

    [Test]
    public async Task Dispatch_TripsOnlyThePrefixBreaker_WhenOneRangeNeverVerifies()
    {
        var f = new GuardFixture(new GuardOptions { ConversionWindowSessions = 4, MinConversionRate = 0.5, BreakerPrefixLength = 3 });
        var pumped = Phone("GB");
        var prefix = pumped.E164[..6];
        // The country's window (the newest 4) then holds only verified sessions; the range's only unverified ones.
        for (var i = 0; i < 4; i++)
        {
            PhoneNumber.TryParse(prefix + pumped.E164[6..^3] + Random.Shared.Next(0, 1000).ToString("000"), out var inRange);
            await f.Conversions.RecordOpenedAsync(inRange ?? pumped, SessionId.New(), TimeSpan.FromMilliseconds(1));
        }
        for (var i = 0; i < 4; i++)
        {
            var fixedLine = Phone("GB", PhoneNumberType.FIXED_LINE);
            var id = SessionId.New();
            await f.Conversions.RecordOpenedAsync(fixedLine, id, TimeSpan.FromMilliseconds(1));
            await f.Conversions.RecordVerifiedAsync(fixedLine, id);
        }
        await Task.Delay(20);

        var refusal = await f.Admission.AdmitDispatchAsync(pumped, GuardFixture.Origin());

        Assert.That(refusal?.Message, Does.Contain("starting " + prefix));
        Assert.That((await f.Breakers.ListOpenAsync()).Single().Prefix, Is.EqualTo(prefix));
        Assert.That(await f.Admission.AdmitDispatchAsync(Phone("GB", PhoneNumberType.FIXED_LINE), GuardFixture.Origin()), Is.Null);
    }
}
