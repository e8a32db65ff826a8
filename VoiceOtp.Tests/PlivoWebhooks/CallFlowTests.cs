using System.Net;
using System.Xml.Linq;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Core.Redis;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.PlivoWebhooks;

// Machine detection, the keypress gate, replays and "heard", played against the engine in its own
// process by this test acting as Plivo: a fake Make-a-call API and hand-signed callbacks.
[NonParallelizable]
public sealed class CallFlowTests
{
    private ExternalPlivoEngine _engine = null!;
    private FakePlivo _plivo = null!;
    private HttpClient _api = null!;
    private CallAnswerStore _answers = null!;
    private RedisKeys _keys = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _engine = await ExternalPlivoEngine.StartAsync("flow");
        (_plivo, _api, _keys) = (_engine.Plivo, _engine.Api, _engine.Keys);
        _answers = new CallAnswerStore(TestEnvironment.Redis.Connection, _keys);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_engine is not null)
            await _engine.DisposeAsync();
    }

    [Test]
    public async Task MachineAnswer_GetsABareHangup_AndTheCallIsRetried()
    {
        var (number, session, call) = await DispatchAsync();

        var xml = await PostAsync(Url(call, "answer"), [.. Form(call), new("Machine", "true")]);
        await HangupAsync(call);

        Assert.That(xml, Is.EqualTo("<Response><Hangup/></Response>"), "no digit of the code, no prompt");
        Assert.That(await WaitForCallsAsync(number, 2), Has.Count.EqualTo(2), "a machine counts as unanswered");
        Assert.That(await FirstCallToldAsync(number, session), Is.EqualTo(("machine", "machine")));
    }

    [Test]
    public async Task NoKeypress_SpeaksNoCode_AndTheCallIsRetried()
    {
        var (number, session, call) = await DispatchAsync();

        var gate = XDocument.Parse(await PostAsync(Url(call, "answer"), [.. Form(call), new("Machine", "false")]));
        await HangupAsync(call);
        var state = await _answers.FindStateAsync(Ref(number, session));

        Assert.That(gate.Descendants("say-as"), Is.Empty);
        Assert.That(gate.Root!.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "GetDigits", "Speak", "Hangup" }));
        Assert.That(state, Is.EqualTo(new CallAnswerState(true, false, true, false, 0, 0, false)));
        Assert.That(await WaitForCallsAsync(number, 2), Has.Count.EqualTo(2), "no_keypress counts as unanswered");
        Assert.That(await FirstCallToldAsync(number, session), Is.EqualTo(("no_keypress", "no_keypress")));
    }

    [Test]
    public async Task WrongKeys_AskAgainThenEndTheCall_AndEvenTheRightKeyGetsNoCodeAfterwards()
    {
        var (number, session, call) = await DispatchAsync();
        var digit = GateDigit(await PostAsync(Url(call, "answer"), Form(call)));
        var wrongKey = ((digit - '0' + 1) % 10).ToString();

        var first = XDocument.Parse(await PressAsync(call, wrongKey));
        var second = XDocument.Parse(await PressAsync(call, wrongKey));
        var third = XDocument.Parse(await PressAsync(call, wrongKey));
        var late = await PressAsync(call, digit.ToString());

        Assert.That(first.Root!.Element("GetDigits")!.Value, Does.StartWith($"That was not the right key. Press {digit} "));
        Assert.That(second.Root!.Element("GetDigits"), Is.Not.Null);
        Assert.That(third.Root!.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "Speak", "Hangup" }));
        Assert.That(late, Does.Not.Contain("say-as"), "three wrong keys end the gate for good");
        Assert.That((await _answers.FindStateAsync(Ref(number, session))).WrongKeys, Is.EqualTo(3));
    }

    [Test]
    public async Task RightKey_SpeaksTheCode_ReplaysAreCapped_AndHeardComesOnlyWithTheFinalRequest()
    {
        var (number, session, call) = await DispatchAsync();
        var digit = GateDigit(await PostAsync(Url(call, "answer"), Form(call)));

        var readings = new List<XDocument> { XDocument.Parse(await PressAsync(call, digit.ToString())) };
        var beforeHeard = await _answers.FindStateAsync(Ref(number, session));
        for (var i = 0; i < 3; i++)
            readings.Add(XDocument.Parse(await PressAsync(call, "1")));
        var extra = await PressAsync(call, "1");
        var redirect = readings[^1].Root!.Element("Redirect")!.Value;
        var goodbye = await PostAsync(redirect, Form(call));
        var afterHeard = await _answers.FindStateAsync(Ref(number, session));

        var code = readings[0].Descendants("say-as").First().Value;
        Assert.That(readings.SelectMany(r => r.Descendants("say-as")).Select(e => e.Value).ToList(), Has.Count.EqualTo(12).And.All.EqualTo(code));
        Assert.That(readings.Take(3).Select(r => r.Root!.Elements("GetDigits").Count()), Has.All.EqualTo(1));
        Assert.That(readings[3].Root!.Elements("GetDigits"), Is.Empty, "no menu on the last allowed reading");
        Assert.That(redirect, Is.EqualTo(Url(call, "heard")));
        Assert.That(extra, Does.Not.Contain("say-as"));
        Assert.That(beforeHeard.Heard, Is.False, "the code was spoken but the final request had not come");
        Assert.That(goodbye, Does.Contain("<Hangup/>").And.Not.Contain("say-as"));
        Assert.That(afterHeard, Is.EqualTo(new CallAnswerState(true, false, true, true, 0, 4, true)));
        await HangupAsync(call);
        Assert.That(await FirstCallToldAsync(number, session), Is.EqualTo(("heard", "heard")), "the code was heard to the end");
        Assert.That((await Api.VerifyAsync(_api, number, code)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ReplayedSignedRequests_ReadNoCode()
    {
        var (_, _, call) = await DispatchAsync();
        var answer = Signed(Url(call, "answer"), Form(call));
        using var first = await _api.SendAsync(answer.Request);
        var digit = GateDigit(await first.Content.ReadAsStringAsync());
        var press = Signed(Url(call, "digits"), [.. Form(call), new("Digits", digit.ToString())]);
        using var pressed = await _api.SendAsync(press.Request);
        Assert.That(await pressed.Content.ReadAsStringAsync(), Does.Contain("say-as"));

        // A byte-for-byte copy is refused by the signature replay guard; Plivo's own repeated requests
        // (freshly signed) are answered, and still read no code.
        using var replayedAnswer = await _api.SendAsync(answer.Again());
        using var repeatedAnswer = await _api.SendAsync(Signed(Url(call, "answer"), Form(call)).Request);
        await HangupAsync(call);
        using var replayedPress = await _api.SendAsync(press.Again());
        using var latePress = await _api.SendAsync(Signed(Url(call, "digits"), [.. Form(call), new("Digits", digit.ToString())]).Request);

        Assert.That((int)replayedAnswer.StatusCode, Is.EqualTo(403));
        Assert.That(await replayedAnswer.Content.ReadAsStringAsync(), Is.Empty);
        var again = await repeatedAnswer.Content.ReadAsStringAsync();
        Assert.That(again, Does.Not.Contain("say-as"));
        Assert.That(GateDigit(again), Is.EqualTo(digit), "a repeated answer request asks for the same digit");
        Assert.That((int)replayedPress.StatusCode, Is.EqualTo(403));
        Assert.That(await replayedPress.Content.ReadAsStringAsync(), Is.Empty);
        Assert.That(await latePress.Content.ReadAsStringAsync(), Does.Not.Contain("say-as").And.Contain("no longer valid"));
    }

    private readonly Dictionary<string, string> _callbackUrls = [];

    private async Task<(string Number, string Session, FakePlivo.RecordedCall Call)> DispatchAsync()
    {
        var number = TestPhones.Next();
        _callbackUrls[number] = TestEnvironment.Receiver.NewUrl();
        var (_, body) = await Api.PostAsync(_api, "/dispatch_otp", new { destination_number = number, callback_url = _callbackUrls[number] });
        var calls = await WaitForCallsAsync(number, 1);
        return (number, (string)body["session_uuid"]!, calls[0]);
    }

    // The status endpoint and the call.ended event each tell how the first call ended.
    private async Task<(string? Status, string? Event)> FirstCallToldAsync(string number, string session)
    {
        var ended = await Events.EventFlow.WaitForEventAsync(_callbackUrls[number], "call.ended", number);
        var (_, status) = await Api.GetAsync(_api, "/sessions/" + session);
        return ((string?)status["calls"]![0]!["outcome"], (string?)ended["outcome"]);
    }

    private async Task<List<FakePlivo.RecordedCall>> WaitForCallsAsync(string number, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var calls = _plivo.Calls.Where(c => (string?)c.Body["to"] == number).ToList();
            if (calls.Count >= count || DateTime.UtcNow > deadline)
                return calls;
            await Task.Delay(50);
        }
    }

    private CallRef Ref(string number, string session)
    {
        PhoneNumber.TryParse(number, out var phone);
        return new CallRef(_keys.PhoneId(phone!), session, 1);
    }

    private static string Url(FakePlivo.RecordedCall call, string route) =>
        ((string)call.Body["answer_url"]!).Replace("/plivo/answer/", $"/plivo/{route}/");

    private static char GateDigit(string xml) => XDocument.Parse(xml).Root!.Element("GetDigits")!.Value.Split(' ')[1][0];

    private Task<string> PressAsync(FakePlivo.RecordedCall call, string digits) =>
        PostAsync(Url(call, "digits"), [.. Form(call), new("Digits", digits)]);

    private async Task HangupAsync(FakePlivo.RecordedCall call)
    {
        using var response = await _api.SendAsync(Signed((string)call.Body["hangup_url"]!,
            [.. Form(call, "completed"), new("HangupCause", "NORMAL_CLEARING"), new("Duration", "9")]).Request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<string> PostAsync(string url, List<KeyValuePair<string, string>> form)
    {
        using var response = await _api.SendAsync(Signed(url, form).Request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xml"));
        return await response.Content.ReadAsStringAsync();
    }

    private static List<KeyValuePair<string, string>> Form(FakePlivo.RecordedCall call, string status = "in-progress") =>
    [
        new("CallUUID", call.RequestUuid + "-call"), new("RequestUUID", call.RequestUuid), new("CallStatus", status),
        new("Direction", "outbound"), new("From", "14155550100"), new("To", ((string)call.Body["to"]!)[1..]),
    ];

    // A signed request and a byte-for-byte copy of it, as an eavesdropper would replay it.
    private static (HttpRequestMessage Request, Func<HttpRequestMessage> Again) Signed(string url, List<KeyValuePair<string, string>> form)
    {
        var nonce = Guid.NewGuid().ToString("N");
        var signature = PlivoSignatureV3.Compute("POST", new Uri(url), form, nonce, TestSettings.PlivoAuthToken);
        HttpRequestMessage Make()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("X-Plivo-Signature-V3-Nonce", nonce);
            request.Headers.Add("X-Plivo-Signature-V3", signature);
            return request;
        }
        return (Make(), Make);
    }
}
