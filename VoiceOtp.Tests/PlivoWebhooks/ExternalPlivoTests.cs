using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using StackExchange.Redis;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.PlivoWebhooks;

// The engine as deployed: its own process, configured by environment variables, talking to a
// separate fake Plivo on loopback; this test plays Plivo's signed callbacks itself.
[NonParallelizable]
public sealed class ExternalPlivoTests
{
    private ExternalPlivoEngine _engine = null!;
    private FakePlivo _plivo = null!;
    private AppProcess _app = null!;
    private HttpClient _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _engine = await ExternalPlivoEngine.StartAsync("ext", new Dictionary<string, string>
        {
            ["Plivo:AuthId"] = "MAEXTERNALTEST000001",
            ["Dashboard:Username"] = "admin",
            ["Dashboard:Password"] = "dashboard-secret-123",
        });
        (_plivo, _app, _api) = (_engine.Plivo, _engine.App, _engine.Api);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_engine is not null)
            await _engine.DisposeAsync();
    }

    [Test]
    public async Task Call_ReachesPlivoWithBasicAuth_AndTheSignedAnswerSpeaksTheCode()
    {
        var number = TestPhones.Next();
        var before = _plivo.Calls.Count;

        var (status, dispatched) = await Api.DispatchAsync(_api, number);
        var call = await _plivo.WaitForCallAsync(before + 1);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(call.AuthId, Is.EqualTo("MAEXTERNALTEST000001"));
        Assert.That(call.Authorization, Is.EqualTo("Basic " +
            Convert.ToBase64String(Encoding.UTF8.GetBytes("MAEXTERNALTEST000001:" + TestSettings.PlivoAuthToken))));
        Assert.That(call.ContentType, Does.StartWith("application/json"));
        Assert.That((string?)call.Body["from"], Is.EqualTo("+14155550100"));
        Assert.That((string?)call.Body["to"], Is.EqualTo(number));
        var answerUrl = (string)call.Body["answer_url"]!;
        var hangupUrl = (string)call.Body["hangup_url"]!;
        Assert.That(answerUrl, Does.StartWith(_app.BaseUrl + "/plivo/answer/"));
        Assert.That(hangupUrl, Is.EqualTo(answerUrl.Replace("/plivo/answer/", "/plivo/hangup/")));
        Assert.That(answerUrl, Does.Not.Contain((string)dispatched["session_uuid"]!));
        Assert.That(call.Body.ContainsKey("callback_url"), Is.False);

        Assert.That((string?)call.Body["machine_detection"], Is.EqualTo("true"));
        Assert.That((int?)call.Body["machine_detection_time"], Is.EqualTo(5000));
        Assert.That(call.Body.ContainsKey("machine_detection_url"), Is.False, "detection is synchronous");

        using var unsigned = await _api.PostAsync(answerUrl, new FormUrlEncodedContent(AnswerForm(call)));
        using var wrong = await _api.SendAsync(Callback(answerUrl, AnswerForm(call), "wrong-token"));
        using var answer = await _api.SendAsync(Callback(answerUrl, AnswerForm(call), TestSettings.PlivoAuthToken));
        var gate = XDocument.Parse(await answer.Content.ReadAsStringAsync());
        var getDigits = gate.Root!.Element("GetDigits")!;
        var digit = getDigits.Value.Split(' ')[1];
        using var pressed = await _api.SendAsync(Callback((string)getDigits.Attribute("action")!,
            [.. AnswerForm(call), new("Digits", digit)], TestSettings.PlivoAuthToken));
        var xml = XDocument.Parse(await pressed.Content.ReadAsStringAsync());
        var code = xml.Descendants("say-as").First().Value;

        Assert.That(unsigned.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xml"));
        Assert.That(gate.Descendants("say-as"), Is.Empty, "the answer only asks for the key");
        Assert.That((string?)getDigits.Attribute("action"), Is.EqualTo(answerUrl.Replace("/plivo/answer/", "/plivo/digits/")));
        Assert.That(getDigits.Value, Does.Match("^Press [0-9] to hear your Acme & <Sons> verification code.$"));
        Assert.That(pressed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(xml.Descendants("say-as").Select(e => (string?)e.Attribute("interpret-as")), Has.All.EqualTo("spell-out"));
        Assert.That(xml.Descendants("say-as").Select(e => e.Value).ToList(), Has.Count.EqualTo(3).And.All.EqualTo(code));
        Assert.That(xml.Root!.Elements("Speak").First().Value, Does.StartWith("Your Acme & <Sons> verification code is"));
        Assert.That(code, Does.Match("^[0-9]{6}$"));

        await AssertNoRedisValueContainsAsync(code);
        await AssertNoRedisValueContainsAsync(answerUrl[(answerUrl.LastIndexOf('/') + 1)..]);
        using var hangup = await _api.SendAsync(Callback(hangupUrl,
            [.. AnswerForm(call), new("HangupCause", "NORMAL_CLEARING"), new("Duration", "12")], TestSettings.PlivoAuthToken));
        Assert.That(hangup.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Api.VerifyAsync(_api, number, code)).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_app.Output, Does.Not.Contain(code), "the code must never reach the app's log output");
        Assert.That(_app.Output, Does.Not.Contain(TestSettings.PlivoAuthToken));
        Assert.That(_app.Output, Does.Not.Contain(TestSettings.ApiKey));
        Assert.That(_app.Output, Does.Not.Contain(answerUrl[(answerUrl.LastIndexOf('/') + 1)..]), "call tokens are capabilities too");
    }

    [Test]
    public async Task Dashboard_AsksForBasicCredentials_AndAcceptsTheConfiguredOnes()
    {
        using var anonymous = await _api.GetAsync("/hangfire");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:dashboard-secret-123")));
        using var admin = await _api.SendAsync(request);
        using var wrongRequest = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        wrongRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:guess")));
        using var wrong = await _api.SendAsync(wrongRequest);

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(anonymous.Headers.WwwAuthenticate.ToString(), Does.StartWith("Basic"));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await admin.Content.ReadAsStringAsync(), Does.Contain("VoiceOtp jobs"));
    }

    private static List<KeyValuePair<string, string>> AnswerForm(FakePlivo.RecordedCall call) =>
    [
        new("CallUUID", Guid.NewGuid().ToString()), new("RequestUUID", call.RequestUuid), new("CallStatus", "in-progress"),
        new("Direction", "outbound"), new("Event", "StartApp"), new("From", "14155550100"), new("To", ((string)call.Body["to"]!)[1..]),
    ];

    private static HttpRequestMessage Callback(string url, List<KeyValuePair<string, string>> form, string authToken)
    {
        var nonce = "31627761595286130198";
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Plivo-Signature-V3-Nonce", nonce);
        request.Headers.Add("X-Plivo-Signature-V3", PlivoSignatureV3.Compute("POST", new Uri(url), form, nonce, authToken));
        return request;
    }

    // Every value under this app's key and job prefixes, whatever its type, must be free of the code.
    private async Task AssertNoRedisValueContainsAsync(string secret)
    {
        var server = TestEnvironment.Redis.Connection.GetServers()[0];
        var db = TestEnvironment.Redis.Connection.GetDatabase();
        var keys = server.Keys(pattern: _engine.Settings["Redis:KeyPrefix"] + "*")
            .Concat(server.Keys(pattern: _engine.Settings["Redis:JobsPrefix"].Replace("{", "\\{").Replace("}", "\\}") + "*")).ToList();
        Assert.That(keys, Is.Not.Empty);
        foreach (var key in keys)
        {
            Assert.That(key.ToString(), Does.Not.Contain(secret));
            var values = await db.KeyTypeAsync(key) switch
            {
                RedisType.String => [(string?)await db.StringGetAsync(key)],
                RedisType.Hash => (await db.HashGetAllAsync(key)).Select(e => e.Name + "=" + e.Value),
                RedisType.List => (await db.ListRangeAsync(key)).Select(v => (string?)v),
                RedisType.Set => (await db.SetMembersAsync(key)).Select(v => (string?)v),
                RedisType.SortedSet => (await db.SortedSetRangeByRankAsync(key)).Select(v => (string?)v),
                _ => [],
            };
            // Numbers (timestamps, counters) may contain the digits by chance; text may not.
            Assert.That(values.Where(v => v is not null && !long.TryParse(v.Split('=')[^1], out _)),
                Has.None.Contains(secret), $"Redis key {key}");
        }
    }
}
