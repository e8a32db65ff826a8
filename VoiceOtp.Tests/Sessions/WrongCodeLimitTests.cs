using StackExchange.Redis;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Sessions;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Sessions;

// Wrong codes per number across sessions: a new code does not reset them (NIST SP 800-63B-4).
public sealed class WrongCodeLimitTests
{
    private static readonly WrongCodeLimits PerHour5 = new(5, 20);
    private readonly SessionFixture _f = new();
    private IDatabase Db => TestEnvironment.Redis.Connection.GetDatabase();

    private Task<VerifyOutcome> VerifyAsync(PhoneNumber phone, OtpCode code, WrongCodeLimits limits) =>
        _f.Store.VerifyAsync(phone, _f.Hasher.Hash(phone.E164, code), null, limits);

    [Test]
    public async Task Verify_CountsWrongCodesAcrossSessions_ButNotTheRightOnes()
    {
        var (phone, code, _) = await _f.OpenAsync(maxAttempts: 20);
        for (var session = 0; session < 2; session++)
        {
            for (var i = 0; i < 2; i++)
                Assert.That((await VerifyAsync(phone, SessionFixture.WrongCode(code), PerHour5)).Status, Is.EqualTo(VerifyStatus.Rejected));
            Assert.That((await VerifyAsync(phone, code, PerHour5)).Status, Is.EqualTo(VerifyStatus.Verified));
            (_, code, _) = await _f.OpenAsync(maxAttempts: 20, number: phone);
        }

        var fifth = await VerifyAsync(phone, SessionFixture.WrongCode(code), PerHour5);
        var sixth = await VerifyAsync(phone, SessionFixture.WrongCode(code), PerHour5);
        var right = await VerifyAsync(phone, code, PerHour5);

        Assert.That(fifth.Status, Is.EqualTo(VerifyStatus.Rejected));
        Assert.That(sixth.Status, Is.EqualTo(VerifyStatus.RateLimited));
        Assert.That(sixth.RetryAfter, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromHours(1)));
        Assert.That(right.Status, Is.EqualTo(VerifyStatus.RateLimited), "over the limit no code is compared, not even the right one");
        Assert.That(await Db.SortedSetLengthAsync(_f.Keys.WrongCodes(phone)), Is.EqualTo(5), "only wrong codes stay counted");
        Assert.That(await Db.HashGetAsync(_f.Keys.Session(phone), "attempts"), Is.EqualTo((RedisValue)1),
            "a refused guess costs the session nothing either");
    }

    // verify-code.lua counts the hour only when the day already holds the hour's limit; then the
    // hour's own count decides, so wrong codes from earlier in the day do not refuse this one.
    [Test]
    public async Task Verify_CountsTheHourApart_WhenTheDayHoldsOlderWrongCodes()
    {
        var (phone, code, _) = await _f.OpenAsync(maxAttempts: 20);
        var twoHoursAgo = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeMilliseconds();
        for (var i = 0; i < 5; i++)
            await Db.SortedSetAddAsync(_f.Keys.WrongCodes(phone), $"{twoHoursAgo}:earlier:{i}", twoHoursAgo + i);

        var outcome = await VerifyAsync(phone, SessionFixture.WrongCode(code), PerHour5);

        Assert.That(outcome.Status, Is.EqualTo(VerifyStatus.Rejected));
        Assert.That(await Db.SortedSetLengthAsync(_f.Keys.WrongCodes(phone)), Is.EqualTo(6));
    }

    [Test]
    public async Task Verify_AppliesTheDailyLimit_ForADay()
    {
        var limits = new WrongCodeLimits(0, 3);
        var (phone, code, _) = await _f.OpenAsync(maxAttempts: 20);
        for (var i = 0; i < 3; i++)
            await VerifyAsync(phone, SessionFixture.WrongCode(code), limits);

        var refused = await VerifyAsync(phone, SessionFixture.WrongCode(code), limits);

        Assert.That(refused.Status, Is.EqualTo(VerifyStatus.RateLimited));
        Assert.That(refused.RetryAfter, Is.GreaterThan(TimeSpan.FromHours(23)));
        Assert.That(await Db.KeyTimeToLiveAsync(_f.Keys.WrongCodes(phone)), Is.GreaterThan(TimeSpan.FromHours(23)),
            "the log expires by itself");
    }

    [Test]
    public async Task OpenOrJoin_RefusesANumber_OverItsWrongCodeLimit()
    {
        var (phone, code, _) = await _f.OpenAsync(maxAttempts: 20);
        for (var i = 0; i < 5; i++)
            await VerifyAsync(phone, SessionFixture.WrongCode(code), PerHour5);
        await Db.KeyDeleteAsync(_f.Keys.Session(phone));

        var refused = await _f.Store.OpenOrJoinAsync(phone, new NewSession(SessionId.New(), "d", "s", TimeSpan.FromMinutes(5), 5, 3,
            DateTimeOffset.UtcNow.AddMinutes(5), "A"), PerHour5);

        Assert.That(refused.Status, Is.EqualTo(DispatchStatus.RateLimited));
        Assert.That(refused.RetryAfter, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromHours(1)));
        Assert.That(await Db.KeyExistsAsync(_f.Keys.Session(phone)), Is.False, "no session, so no call");
    }

    [Test]
    public async Task Limits_OfZero_CountNothing()
    {
        var (phone, code, _) = await _f.OpenAsync(maxAttempts: 20);
        for (var i = 0; i < 6; i++)
            Assert.That((await VerifyAsync(phone, SessionFixture.WrongCode(code), WrongCodeLimits.None)).Status, Is.EqualTo(VerifyStatus.Rejected));

        Assert.That(await Db.KeyExistsAsync(_f.Keys.WrongCodes(phone)), Is.False);
    }
}
