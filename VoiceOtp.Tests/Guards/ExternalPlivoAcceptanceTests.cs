using System.Net;
using PhoneNumbers;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Guards;

// Issue 8's acceptance as a new user meets it: the engine in its own process, configured by its
// settings, talking to a separate fake Plivo; the test plays the callee through Plivo's signed
// callbacks, and FakePlivo's record is the witness of which calls were asked for.
[NonParallelizable]
public sealed class ExternalPlivoAcceptanceTests
{
    private ExternalPlivoEngine _engine = null!;
    private FakePlivo _plivo = null!;
    private AppProcess _app = null!;
    private HttpClient _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _engine = await ExternalPlivoEngine.StartAsync("accept", new Dictionary<string, string>
        {
            ["VoiceOtp:CodeTtlSeconds"] = "10",
            ["VoiceOtp:AllowedCountries:0"] = "GB",
            ["VoiceOtp:AllowedCountries:1"] = "DE",
            ["VoiceOtp:ConversionWindowSessions"] = "4",
            ["VoiceOtp:MinConversionRate"] = "0.5",
        });
        (_plivo, _app, _api) = (_engine.Plivo, _engine.App, _engine.Api);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_engine is not null)
            await _engine.DisposeAsync();
    }

    private static IEnumerable<TestCaseData> Refused()
    {
        yield return new TestCaseData(ExampleNumbers.For("GB", PhoneNumberType.PREMIUM_RATE), "premium-rate").SetName("Refused_PremiumRate");
        yield return new TestCaseData(ExampleNumbers.NonGeographic(979), "non-geographic").SetName("Refused_Plus979");
        yield return new TestCaseData(ExampleNumbers.For("JP", PhoneNumberType.MOBILE), "JP").SetName("Refused_OutsideAllowedCountries");
    }

    [TestCaseSource(nameof(Refused))]
    public async Task Dispatch_Returns403Blocked_AndAsksPlivoForNoCall(string number, string why)
    {
        var (status, body) = await Api.DispatchAsync(_api, number);

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((string?)body["status"], Is.EqualTo("blocked"));
        Assert.That((string?)body["message"], Does.Contain(why));
        Assert.That(CallsTo(number), Is.Empty);
        Assert.That(await QueuedCallsToAsync(number), Is.Zero, "and none is waiting to be asked for");
    }

    [Test]
    public async Task Dispatch_Returns429WithRetryAfter_OnTheSixthDispatchToOneNumberWithinAnHour()
    {
        var number = TestPhones.Next();
        for (var i = 1; i <= 5; i++)
        {
            var code = await DispatchAndHearAsync(number, i);
            Assert.That((await Api.VerifyAsync(_api, number, code)).Status, Is.EqualTo(HttpStatusCode.OK), $"session {i}");
        }

        using var sixth = await _api.PostAsync("/dispatch_otp", Json(number));
        var body = await Api.ReadAsync(sixth);

        Assert.That(sixth.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((string?)body["status"], Is.EqualTo("rate_limited"));
        Assert.That(sixth.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromHours(1)));
        Assert.That(CallsTo(number), Has.Count.EqualTo(5), "the sixth dispatch asked Plivo for no call");
        Assert.That(await QueuedCallsToAsync(number), Is.Zero, "and queued none");
    }

    [Test]
    public async Task WrongCodes_StopAtThePerNumberLimit_AcrossFreshSessions()
    {
        var number = TestPhones.Next();
        var calls = 0;
        foreach (var wrongs in new[] { 4, 4 })
        {
            var code = await DispatchAndHearAsync(number, ++calls);
            for (var i = 0; i < wrongs; i++)
                Assert.That((await Api.VerifyAsync(_api, number, Api.Wrong(code))).Status, Is.EqualTo((HttpStatusCode)422));
            Assert.That((await Api.VerifyAsync(_api, number, code)).Status, Is.EqualTo(HttpStatusCode.OK));
        }
        var last = await DispatchAndHearAsync(number, ++calls);
        for (var i = 0; i < 2; i++)
            Assert.That((await Api.VerifyAsync(_api, number, Api.Wrong(last))).Status, Is.EqualTo((HttpStatusCode)422));

        var wrong = await Api.VerifyAsync(_api, number, Api.Wrong(last));
        var right = await Api.VerifyAsync(_api, number, last);
        var dispatch = await Api.DispatchAsync(_api, number);

        Assert.That((string?)wrong.Body["status"], Is.EqualTo("rate_limited"), "the 11th wrong code in the hour is not even compared");
        Assert.That((string?)right.Body["status"], Is.EqualTo("rate_limited"), "nor is the right one, once the limit is used");
        Assert.That((string?)dispatch.Body["status"], Is.EqualTo("rate_limited"), "a fresh session buys no fresh guesses");
        Assert.That(CallsTo(number), Has.Count.EqualTo(3));
        Assert.That(await QueuedCallsToAsync(number), Is.Zero);
    }

    [Test]
    public async Task Breaker_TripsForACountryWhoseAnsweredCallsNeverVerify()
    {
        var numbers = Enumerable.Range(0, 4).Select(_ => ExampleNumbers.Fresh("DE", PhoneNumberType.MOBILE)).ToList();
        foreach (var n in numbers)
            await DispatchAndHearAsync(n, 1); // answered and heard, as pumped numbers are, and never verified
        await Task.Delay(TimeSpan.FromSeconds(11)); // past CodeTtlSeconds: the sessions count as unconverted

        var next = ExampleNumbers.Fresh("DE", PhoneNumberType.MOBILE);
        var (status, body) = await Api.DispatchAsync(_api, next);

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((string?)body["status"], Is.EqualTo("blocked"));
        Assert.That((string?)body["message"], Does.Contain("DE").And.Contain("too few recent calls were verified"));
        Assert.That(CallsTo(next), Is.Empty);
        Assert.That(await QueuedCallsToAsync(next), Is.Zero);
        Assert.That(_app.Output, Does.Contain("Circuit breaker for DE opened (conversion)"));
    }

    private async Task<string> DispatchAndHearAsync(string number, int nth)
    {
        Assert.That((await Api.DispatchAsync(_api, number)).Status, Is.EqualTo(HttpStatusCode.OK));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (CallsTo(number).Count < nth && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.That(CallsTo(number), Has.Count.EqualTo(nth), "the engine asked Plivo for the call");
        return await FakePlivo.AnswerAndHearAsync(_api, CallsTo(number)[^1]);
    }

    // Calls to the number anywhere in the engine's call queue. A call is always in one of these sets
    // until its request reached Plivo (FakePlivo records it on receipt), so none here and none at
    // FakePlivo means none was queued.
    private async Task<int> QueuedCallsToAsync(string number)
    {
        Core.Phones.PhoneNumber.TryParse(number, out var phone);
        var keys = _engine.Keys;
        var id = ":" + keys.PhoneId(phone!).Value;
        var db = TestEnvironment.Redis.Connection.GetDatabase();
        var queued = 0;
        foreach (var set in new[] { keys.ReadyCalls, keys.LeasedCalls, keys.PostingCalls, keys.UncertainCalls })
            queued += (await db.SortedSetRangeByRankAsync(set)).Count(m => m.ToString().EndsWith(id, StringComparison.Ordinal));
        return queued;
    }

    private List<FakePlivo.RecordedCall> CallsTo(string number) => _plivo.Calls.Where(c => (string?)c.Body["to"] == number).ToList();

    private static StringContent Json(string number) =>
        new("{\"destination_number\": \"" + number + "\"}", System.Text.Encoding.UTF8, "application/json");
}
