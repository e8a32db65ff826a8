using System.Net;
using System.Text.Json.Nodes;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Redis;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Calls;

// Cancel on expiry, for sessions opened without a callback URL: when a session expires, its calls
// still at a separate fake Plivo are stopped with Plivo's DELETEs and its waiting calls leave the
// queue. Sessions here live 10 seconds.
[NonParallelizable]
public sealed class SessionExpiryCancelTests
{
    private ExternalPlivoEngine _engine = null!;
    private FakePlivo _plivo = null!;
    private HttpClient _api = null!;
    private FakePlivoCallbacks _callbacks = null!;
    private RedisKeys _keys = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _engine = await ExternalPlivoEngine.StartAsync("expiry", new Dictionary<string, string>
        {
            ["VoiceOtp:CodeTtlSeconds"] = "10",
            ["VoiceOtp:MinSecondsLeftToCall"] = "0",
            ["VoiceOtp:RequireKeypress"] = "false",
        });
        (_plivo, _api, _callbacks, _keys) = (_engine.Plivo, _engine.Api, _engine.Callbacks, _engine.Keys);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_engine is not null)
            await _engine.DisposeAsync();
    }

    [Test]
    public async Task Expiry_HangsUpTheRingingCall_WhenTheSessionHadNoCallbackUrl()
    {
        var number = TestPhones.Next();
        var sessionId = await DispatchAsync(number);
        var call = await WaitForCallAsync(number, 1);
        var callUuid = await _callbacks.RingAsync(call);

        await _plivo.WaitForDeleteAsync($"Call/{callUuid}/");
        await _callbacks.HangupAsync(call, "cancel", "ORIGINATOR_CANCEL");
        var status = await WaitForStatusAsync(sessionId, s => Outcomes(s).SequenceEqual(["cancelled"]));

        Assert.That((string?)status["session_status"], Is.EqualTo("expired"));
        Assert.That(CallsTo(number), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Expiry_CancelsTheCallStillQueuedAtPlivo()
    {
        _plivo.QueueCalls = true;
        try
        {
            var number = TestPhones.Next();
            var sessionId = await DispatchAsync(number);
            var call = await WaitForCallAsync(number, 1);

            await _plivo.WaitForDeleteAsync($"Request/{call.RequestUuid}/");
            var status = await WaitForStatusAsync(sessionId, s => Outcomes(s).SequenceEqual(["cancelled"]));

            Assert.That((string?)status["session_status"], Is.EqualTo("expired"));
        }
        finally
        {
            _plivo.QueueCalls = false;
        }
    }

    // The retry meets Plivo's 429 with a Retry-After beyond the session's life, so it is still
    // waiting in the queue when the session expires.
    [Test]
    public async Task Expiry_DropsTheWaitingRetry_BeforeItFallsDue()
    {
        _plivo.RetryAfterSeconds = 60;
        var number = TestPhones.Next();
        var sessionId = await DispatchAsync(number);
        var first = await WaitForCallAsync(number, 1);
        _plivo.FailNext.Enqueue(429);
        await _callbacks.HangupAsync(first, "no-answer", "NO_ANSWER");
        await WaitForCallAsync(number, 2);
        PhoneNumber.TryParse(number, out var phone);
        var retry = CallQueue.Member(new CallRef(_keys.PhoneId(phone!), sessionId, 2));
        var db = TestEnvironment.Redis.Connection.GetDatabase();
        var dueAt = await WaitForAsync(() => db.SortedSetScoreAsync(_keys.ReadyCalls, retry), s => s is not null, "the retry waits in the queue");

        await WaitForAsync(() => db.SortedSetScoreAsync(_keys.ReadyCalls, retry), s => s is null, "the retry leaves the queue");
        var status = await StatusAsync(sessionId);

        Assert.That(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Is.LessThan(dueAt!.Value), "dropped, not claimed when due");
        Assert.That((string?)status["session_status"], Is.EqualTo("expired"));
        Assert.That(CallsTo(number), Has.Count.EqualTo(2), "the answered request and the one refused with 429");
    }

    private async Task<string> DispatchAsync(string number)
    {
        var (status, body) = await Api.DispatchAsync(_api, number);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        return (string)body["session_uuid"]!;
    }

    private List<FakePlivo.RecordedCall> CallsTo(string number) =>
        _plivo.Calls.Where(c => (string?)c.Body["to"] == number).ToList();

    private async Task<FakePlivo.RecordedCall> WaitForCallAsync(string number, int n)
    {
        await WaitForAsync(() => Task.FromResult(CallsTo(number).Count), c => c >= n, $"call {n} never reached Plivo");
        return CallsTo(number)[n - 1];
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            value = await read();
        }
        Assert.That(done(value), Is.True, what);
        return value;
    }

    private async Task<JsonObject> StatusAsync(string sessionId)
    {
        var (status, body) = await Api.GetAsync(_api, "/sessions/" + sessionId);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        return body;
    }

    private Task<JsonObject> WaitForStatusAsync(string sessionId, Func<JsonObject, bool> done) =>
        WaitForAsync(() => StatusAsync(sessionId), done, "status never showed the expected calls");

    private static IEnumerable<string?> Outcomes(JsonObject status) =>
        status["calls"]!.AsArray().Select(c => (string?)c!["outcome"]).ToList();
}
