using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PhoneNumbers;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Guards;
using VoiceOtp.Core.Redis;
using VoiceOtp.Core.Sessions;
using VoiceOtp.Tests.Infrastructure;
using PhoneNumber = VoiceOtp.Core.Phones.PhoneNumber;

namespace VoiceOtp.Tests.Guards;

public sealed class SpendRecorderTests
{
    // NUnit shares one fixture instance between tests, so each test gets its own keys here.
    private RedisKeys _keys = null!;

    [SetUp]
    public void NewKeys() => _keys = TestSettings.KeysFor($"spend-{Guid.NewGuid():N}:");

    private readonly GuardOptions _options = new() { CallRates = new() { ["GB"] = 0.0065m } };

    private SpendRecorder Recorder(CallStore calls) =>
        new(TestEnvironment.Redis.Connection, _keys, calls, Options.Create(_options), TimeProvider.System, NullLogger<SpendRecorder>.Instance);

    [TestCase(0, 0)]
    [TestCase(1, 0.0065)]
    [TestCase(60, 0.0065)]
    [TestCase(61, 0.013)]
    public void EstimateCost_RoundsUpToBilledMinutes(int seconds, decimal cost) =>
        Assert.That(Recorder(new CallStore(TestEnvironment.Redis.Connection, _keys)).EstimateCost("GB", seconds), Is.EqualTo(cost));

    [Test]
    public async Task Record_CountsACallOnce_WhenPlivoRepeatsTheHangup_AndStoresTheCostOnTheCall()
    {
        var db = TestEnvironment.Redis.Connection.GetDatabase();
        var calls = new CallStore(TestEnvironment.Redis.Connection, _keys);
        PhoneNumber.TryParse(ExampleNumbers.Fresh("GB", PhoneNumberType.MOBILE), out var phone);
        var call = new CallRef(_keys.PhoneId(phone!), SessionId.New(), 1);
        await db.HashSetAsync(_keys.Call(call.Phone, call.SessionId, 1), "posting", "1");
        await db.KeyExpireAsync(_keys.Call(call.Phone, call.SessionId, 1), TimeSpan.FromMinutes(1));

        await Recorder(calls).RecordAsync(call, phone!.RegionCode, 61);
        await Recorder(calls).RecordAsync(call, phone.RegionCode, 61);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Assert.That(await calls.FindCostAsync(call), Is.EqualTo(13_000));
        Assert.That((long)await db.StringGetAsync(_keys.Spend(today, "GB")), Is.EqualTo(13_000));
        Assert.That((long)await db.StringGetAsync(_keys.Spend(today)), Is.EqualTo(13_000));
        Assert.That(await db.KeyTimeToLiveAsync(_keys.Spend(today)), Is.Not.Null);
    }

    [Test]
    public async Task Record_WritesNothing_ForACallThatNoLongerExists()
    {
        var calls = new CallStore(TestEnvironment.Redis.Connection, _keys);
        PhoneNumber.TryParse(ExampleNumbers.Fresh("GB", PhoneNumberType.MOBILE), out var phone);
        var call = new CallRef(_keys.PhoneId(phone!), SessionId.New(), 1);

        await Recorder(calls).RecordAsync(call, phone!.RegionCode, 30);

        Assert.That(await calls.FindCostAsync(call), Is.Null);
        Assert.That(await TestEnvironment.Redis.Connection.GetDatabase().KeyExistsAsync(_keys.Spend(DateOnly.FromDateTime(DateTime.UtcNow), "GB")), Is.False);
    }
}
