using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Demo;

// The demo page's own server endpoints, called over HTTP the way the page's script calls them.
public sealed class DemoApiTests
{
    private static HttpClient Page()
    {
        var client = TestEnvironment.Host.AnonymousClient();
        client.DefaultRequestHeaders.Add("X-VoiceOtp-Demo", "1");
        return client;
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync("/demo/api/" + path, body);
        return (response.StatusCode, await Api.ReadAsync(response));
    }

    [Test]
    public async Task DemoApi_Returns403_WithoutTheDemoHeader()
    {
        using var client = TestEnvironment.Host.AnonymousClient();

        var (status, body) = await PostAsync(client, "start", new { phone = TestPhones.Next() });

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((string?)body["status"], Is.EqualTo("forbidden"));
    }

    [Test]
    public async Task DemoApi_Returns403_WhenTheBrowserMarksTheRequestCrossSite()
    {
        using var client = Page();
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "cross-site");

        var (status, _) = await PostAsync(client, "start", new { phone = TestPhones.Next() });

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("/demo/")]
    [TestCase("/demo/api/config")]
    public async Task Demo_Returns403_ForAProxiedRequest_WhenAllowRemoteIsOff(string path)
    {
        using var client = Page();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("start", "{\"phone\": ")]
    [TestCase("verify", "[1, 2]")]
    [TestCase("phone/press", "{\"call_id\": 5, \"digit\": {}}")]
    public async Task DemoApi_Returns400Json_ForAMalformedBody(string path, string json)
    {
        using var client = Page();

        using var response = await client.PostAsync("/demo/api/" + path,
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)(await Api.ReadAsync(response))["status"], Is.EqualTo("invalid"));
    }

    [Test]
    public async Task DemoPage_IsServedWithAContentSecurityPolicy()
    {
        using var client = TestEnvironment.Host.AnonymousClient();

        using var response = await client.GetAsync("/demo/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'"));
    }

    [Test]
    public async Task DemoStart_Returns400InvalidNumber_WhenTheNumberIsNotValid()
    {
        using var client = Page();

        var (status, body) = await PostAsync(client, "start", new { phone = "12345" });

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)body["status"], Is.EqualTo("invalid_number"));
    }

    [Test]
    public async Task DemoResend_Returns429Wait_WithTheSecondsLeft_WhenAskedTooSoon()
    {
        using var client = Page();
        var number = TestPhones.Next();

        var (started, first) = await PostAsync(client, "start", new { phone = number });
        var (resent, second) = await PostAsync(client, "resend", new { phone = number });

        Assert.That(started, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)first["status"], Is.EqualTo("calling"));
        Assert.That(resent, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((string?)second["status"], Is.EqualTo("wait"));
        Assert.That((int?)second["resend_after_seconds"], Is.InRange(1, 30));
        Assert.That(await SimulatorCalls.WaitForEndedAsync(TestEnvironment.Host.Client(), number, 1), Has.Count.EqualTo(1),
            "the refused resend placed no call");
    }

    [Test]
    public async Task DemoVerify_TellsAttemptsLeftThenVerifies_WithTheCodeTheCallSpoke()
    {
        using var client = Page();
        var number = TestPhones.Next();
        await PostAsync(client, "start", new { phone = number });
        var code = await SimulatorCalls.WaitForCodeAsync(TestEnvironment.Host.Client(), number);
        var wrong = (code[0] == '9' ? '0' : (char)(code[0] + 1)) + code[1..];

        var (rejected, rejectedBody) = await PostAsync(client, "verify", new { phone = number, code = wrong });
        var (verified, verifiedBody) = await PostAsync(client, "verify", new { phone = number, code });
        var (again, againBody) = await PostAsync(client, "verify", new { phone = number, code });

        Assert.That(rejected, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((string?)rejectedBody["message"], Is.EqualTo("That code is not right. 4 attempts left."));
        Assert.That(verified, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)verifiedBody["status"], Is.EqualTo("verified"));
        Assert.That(again, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((string?)againBody["status"], Is.EqualTo("expired"));
    }

    [Test]
    public async Task DemoVerify_Returns400InvalidCode_WithoutSpendingAnAttempt_WhenTheCodeIsMalformed()
    {
        using var client = Page();

        var (status, body) = await PostAsync(client, "verify", new { phone = TestPhones.Next(), code = "12a" });

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)body["message"], Is.EqualTo("Enter the 6 digits you heard."));
    }

    [Test]
    public async Task PhonePanel_LetsTheNextCallRingOut_AndShowsItUnanswered()
    {
        using var client = Page();
        var number = TestPhones.Next();

        var (ringOut, _) = await PostAsync(client, "phone/ring-out-next", new { phone = number });
        var (_, started) = await PostAsync(client, "start", new { phone = number });
        await SimulatorCalls.WaitForEndedAsync(TestEnvironment.Host.Client(), number, 1);
        var (_, calls) = await PostAsync(client, "phone/calls", new { phone = number });
        // Call 1 rings out; the hangup webhook then schedules call 2 after VoiceOtp:RetryDelaysSeconds.
        var status = await WaitForAsync(client, (string)started["session_uuid"]!, b => b["calls"]!.AsArray().Count >= 1
            && (string?)b["calls"]![0]!["outcome"] == "no_answer");

        Assert.That(ringOut, Is.EqualTo(HttpStatusCode.OK));
        var last = calls["calls"]!.AsArray().Last()!;
        Assert.That((string?)last["status"], Is.EqualTo("no-answer"));
        Assert.That((string?)last["heard"], Is.Null);
        Assert.That((string?)status["calls"]![0]!["outcome"], Is.EqualTo("no_answer"));
    }

    [Test]
    public async Task DemoStatus_FollowsTheCallUntilItWasHeard()
    {
        using var client = Page();
        var (_, started) = await PostAsync(client, "start", new { phone = TestPhones.Next() });

        var status = await WaitForAsync(client, (string)started["session_uuid"]!, b => (string?)b["call"] is "answered" or "heard");

        Assert.That((string?)status["session_status"], Is.EqualTo("pending"));
        Assert.That((string?)status["message"], Does.Contain("enter it").Or.Contain("Enter the code"));
        Assert.That((int?)status["attempts_left"], Is.EqualTo(5));
    }

    [Test]
    public async Task DemoStatus_Returns404Expired_ForAnUnknownSession()
    {
        using var client = Page();

        var (status, body) = await PostAsync(client, "status", new { session_uuid = Guid.NewGuid().ToString() });

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((string?)body["status"], Is.EqualTo("expired"));
    }

    // The hangup webhook records the outcome a moment after the simulator counts the call as ended.
    private static async Task<JsonObject> WaitForAsync(HttpClient client, string sessionUuid, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (_, body) = await PostAsync(client, "status", new { session_uuid = sessionUuid });
            if (done(body) || DateTime.UtcNow > deadline)
                return body;
            await Task.Delay(50);
        }
    }
}
