using System.Net;
using System.Text.Json.Nodes;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Calls;

// Issue 7's acceptance, tried as a new user would: the engine in its own process against a separate
// fake Plivo on loopback; the test plays Plivo's signed ring, answer and hangup callbacks and reads
// each story back from GET /sessions/{id}.
[NonParallelizable]
public sealed class CallLifecycleAcceptanceTests
{
    private const int MaxCalls = 3;
    private const int ResendCooldownSeconds = 2;
    private ExternalPlivoEngine _engine = null!;
    private FakePlivo _plivo = null!;
    private HttpClient _api = null!;
    private FakePlivoCallbacks _callbacks = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _engine = await ExternalPlivoEngine.StartAsync("life", new Dictionary<string, string>
        {
            ["Plivo:TimeoutSeconds"] = "1",
            ["VoiceOtp:MaxCallsPerSession"] = MaxCalls.ToString(),
            ["VoiceOtp:UncertainWindowSeconds"] = "2",
            ["VoiceOtp:ResendCooldownSeconds"] = ResendCooldownSeconds.ToString(),
            ["VoiceOtp:MinSecondsLeftToCall"] = "60",
            ["VoiceOtp:RequireKeypress"] = "false",
        });
        (_plivo, _api, _callbacks) = (_engine.Plivo, _engine.Api, _engine.Callbacks);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_engine is not null)
            await _engine.DisposeAsync();
    }

    [Test]
    public async Task NeverAnsweredNumber_GetsExactlyMaxCallsSpacedByTheRetryDelays_AllForOneSession()
    {
        var number = TestPhones.Next();
        var sessionId = await DispatchAsync(number);

        var ended = new List<DateTime>();
        for (var n = 1; n <= MaxCalls; n++)
        {
            var call = await WaitForCallAsync(number, n);
            if (n > 1)
                Assert.That(DateTime.UtcNow - ended[^1], Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)), "a retry waits its delay");
            await HangupAsync(call, "no-answer", "NO_ANSWER");
            ended.Add(DateTime.UtcNow);
        }
        await Task.Delay(2500);
        var status = await StatusAsync(sessionId);

        var events = await EventsAsync(number, MaxCalls + 1);

        Assert.That(CallsTo(number), Has.Count.EqualTo(MaxCalls));
        Assert.That(Outcomes(status), Is.EqualTo(Enumerable.Repeat("no_answer", MaxCalls)));
        Assert.That((string?)status["session_status"], Is.EqualTo("failed"));
        Assert.That(Told(events), Is.EquivalentTo(new[] { "call.ended:no_answer", "call.ended:no_answer", "call.ended:no_answer", "session.failed" }));
        Assert.That((string?)events.Single(e => (string?)e["event"] == "session.failed")["reason"], Is.EqualTo("not_answered"));
    }

    [Test]
    public async Task ResendWithinTheCooldown_Answers429WithRetryAfter_AndPlacesNoCall()
    {
        var number = TestPhones.Next();
        await DispatchAsync(number);
        await WaitForCallAsync(number, 1);

        using var response = await _api.PostAsync("/dispatch_otp",
            new StringContent($$"""{"destination_number":"{{number}}"}""", System.Text.Encoding.UTF8, "application/json"));
        var body = await Api.ReadAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((string?)body["status"], Is.EqualTo("rate_limited"));
        Assert.That(response.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, ResendCooldownSeconds));
        Assert.That((int?)body["retry_after"], Is.EqualTo((int?)response.Headers.RetryAfter?.Delta?.TotalSeconds));
        Assert.That(CallsTo(number), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task VerifyDuringARingingResend_HangsItUpAtPlivo_AndNoFurtherCallFollows()
    {
        var number = TestPhones.Next();
        var sessionId = await DispatchAsync(number);
        var first = await WaitForCallAsync(number, 1);
        var code = await AnswerAsync(first);
        await HangupAsync(first, "completed", "NORMAL_CLEARING");
        await Task.Delay(TimeSpan.FromSeconds(ResendCooldownSeconds + 0.2));
        Assert.That((await Api.DispatchAsync(_api, number)).Status, Is.EqualTo(HttpStatusCode.OK), "a resend after the cooldown calls");
        var second = await WaitForCallAsync(number, 2);
        var callUuid = await RingAsync(second);

        Assert.That((await Api.VerifyAsync(_api, number, code)).Status, Is.EqualTo(HttpStatusCode.OK));
        await _plivo.WaitForDeleteAsync($"Call/{callUuid}/");
        await HangupAsync(second, "cancel", "ORIGINATOR_CANCEL");
        await Task.Delay(2000);
        var status = await StatusAsync(sessionId);

        var events = await EventsAsync(number, 3);

        Assert.That(CallsTo(number), Has.Count.EqualTo(2));
        Assert.That(Outcomes(status), Is.EqualTo(new[] { "answered", "cancelled" }));
        Assert.That((string?)status["session_status"], Is.EqualTo("verified"));
        Assert.That(Told(events), Is.EquivalentTo(new[] { "call.ended:answered", "session.verified", "call.ended:cancelled" }));
    }

    [Test]
    public async Task MakeCallTimeout_WithNoCallback_PlacesTheCallOnceMore_AndRingsOnce()
    {
        var number = TestPhones.Next();
        _plivo.StallNext.Enqueue(TimeSpan.FromSeconds(2.5));
        var sessionId = await DispatchAsync(number);
        var lost = await WaitForCallAsync(number, 1);
        await WaitForStatusAsync(sessionId, s => Outcomes(s).SequenceEqual(["uncertain"]));

        var placed = await WaitForCallAsync(number, 2);
        using var late = await _callbacks.SendHangupAsync(lost, "no-answer", "NO_ANSWER");
        var code = await AnswerAsync(placed);
        await HangupAsync(placed, "completed", "NORMAL_CLEARING");
        await Task.Delay(2500);
        var status = await StatusAsync(sessionId);

        Assert.That(CallsTo(number), Has.Count.EqualTo(2), "one request that timed out, one that rang");
        Assert.That(Url(placed, "answer_url"), Is.Not.EqualTo(Url(lost, "answer_url")), "the second request has a fresh token");
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.OK), "Plivo's callback is acknowledged all the same");
        Assert.That(Outcomes(status), Is.EqualTo(new[] { "answered" }), "the old token's no-answer did not count");
        Assert.That((string?)status["calls"]![0]!["uncertain"], Is.EqualTo("requeued"));
        Assert.That((await Api.VerifyAsync(_api, number, code)).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Told(await EventsAsync(number, 2)), Is.EquivalentTo(new[] { "call.ended:answered", "session.verified" }),
            "one call ended: the late callback of the lost request tells nothing");
    }

    [Test]
    public async Task MakeCallTimeout_WithACallbackInTheWindow_PlacesNoSecondCall()
    {
        var number = TestPhones.Next();
        _plivo.StallNext.Enqueue(TimeSpan.FromSeconds(2.5));
        var sessionId = await DispatchAsync(number);
        var call = await WaitForCallAsync(number, 1);
        await WaitForStatusAsync(sessionId, s => Outcomes(s).SequenceEqual(["uncertain"]));

        await RingAsync(call);
        await Task.Delay(3500);
        var status = await StatusAsync(sessionId);
        var code = await AnswerAsync(call);
        await HangupAsync(call, "completed", "NORMAL_CLEARING");

        Assert.That(CallsTo(number), Has.Count.EqualTo(1), "Plivo placed the call: no second ring");
        Assert.That(Outcomes(status), Is.EqualTo(new[] { "ringing" }));
        Assert.That((string?)status["calls"]![0]!["uncertain"], Is.EqualTo("placed"));
        Assert.That((await Api.VerifyAsync(_api, number, code)).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Told(await EventsAsync(number, 2)), Is.EquivalentTo(new[] { "call.ended:answered", "session.verified" }));
    }

    [Test]
    public async Task VerifyWhileTheCallIsQueuedAtPlivo_CancelsTheQueuedRequest()
    {
        var number = TestPhones.Next();
        var sessionId = await DispatchAsync(number);
        var first = await WaitForCallAsync(number, 1);
        var code = await AnswerAsync(first);
        await HangupAsync(first, "completed", "NORMAL_CLEARING");
        await Task.Delay(TimeSpan.FromSeconds(ResendCooldownSeconds + 0.2));
        _plivo.QueueCalls = true;
        try
        {
            await Api.DispatchAsync(_api, number);
            var queued = await WaitForCallAsync(number, 2);
            await WaitForStatusAsync(sessionId, s => Outcomes(s).SequenceEqual(["answered", "queued"]));

            Assert.That((await Api.VerifyAsync(_api, number, code)).Status, Is.EqualTo(HttpStatusCode.OK));
            await _plivo.WaitForDeleteAsync($"Request/{queued.RequestUuid}/");
            await WaitForStatusAsync(sessionId, s => Outcomes(s).SequenceEqual(["answered", "cancelled"]));
            Assert.That(Told(await EventsAsync(number, 2)), Is.EquivalentTo(new[] { "call.ended:answered", "session.verified" }),
                "a call cancelled in Plivo's queue never rang, so no hangup tells of it");
        }
        finally
        {
            _plivo.QueueCalls = false;
        }
    }

    // Every story is also told to a callback receiver of the test's own.
    private async Task<string> DispatchAsync(string number)
    {
        var url = TestEnvironment.Receiver.NewUrl();
        _callbackUrls[number] = url;
        var (status, body) = await Api.PostAsync(_api, "/dispatch_otp", new { destination_number = number, callback_url = url });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        return (string)body["session_uuid"]!;
    }

    private readonly Dictionary<string, string> _callbackUrls = [];

    // The events delivered for the number's session once `total` arrived (jobs deliver them, so in
    // no set order); each delivery is checked as a receiver would (signature, no number, no code).
    private async Task<List<JsonObject>> EventsAsync(string number, int total)
    {
        var url = _callbackUrls[number];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (TestEnvironment.Receiver.ReceivedAt(url).Count < total && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        var received = TestEnvironment.Receiver.ReceivedAt(url);
        Assert.That(received, Has.Count.EqualTo(total), "events: " + string.Join(", ", received.Select(d => d.Event)));
        foreach (var name in received.Select(d => d.Event!).Distinct())
            await Events.EventFlow.WaitForEventAsync(url, name, number);
        return received.Select(d => d.Json).ToList();
    }

    private static IEnumerable<string> Told(IEnumerable<JsonObject> events) =>
        events.Select(e => (string)e["event"]! + (e["outcome"] is { } o ? ":" + (string?)o : ""));

    private List<FakePlivo.RecordedCall> CallsTo(string number) =>
        _plivo.Calls.Where(c => (string?)c.Body["to"] == number).ToList();

    private async Task<FakePlivo.RecordedCall> WaitForCallAsync(string number, int n)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (CallsTo(number).Count < n && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.That(CallsTo(number), Has.Count.GreaterThanOrEqualTo(n), $"call {n} never reached Plivo");
        return CallsTo(number)[n - 1];
    }

    private async Task<JsonObject> StatusAsync(string sessionId)
    {
        var (status, body) = await Api.GetAsync(_api, "/sessions/" + sessionId);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        return body;
    }

    private async Task WaitForStatusAsync(string sessionId, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var status = await StatusAsync(sessionId);
        while (!done(status) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            status = await StatusAsync(sessionId);
        }
        Assert.That(done(status), Is.True, "status never showed the expected calls: " + status.ToJsonString());
    }

    private static IEnumerable<string?> Outcomes(JsonObject status) =>
        status["calls"]!.AsArray().Select(c => (string?)c!["outcome"]).ToList();

    private static string Url(FakePlivo.RecordedCall call, string field) => FakePlivoCallbacks.Url(call, field);

    private Task<string> RingAsync(FakePlivo.RecordedCall call) => _callbacks.RingAsync(call);

    private Task<string> AnswerAsync(FakePlivo.RecordedCall call) => _callbacks.AnswerAsync(call);

    private Task HangupAsync(FakePlivo.RecordedCall call, string callStatus, string cause) =>
        _callbacks.HangupAsync(call, callStatus, cause);
}
