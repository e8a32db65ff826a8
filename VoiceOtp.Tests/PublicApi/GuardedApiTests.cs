using System.Net;
using System.Net.Http.Json;
using PhoneNumbers;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.PublicApi;

// The guards as a product backend meets them over HTTP, on the shared host with default limits.
public sealed class GuardedApiTests
{
    private static VoiceOtpHost Host => TestEnvironment.Host;

    [Test]
    public async Task Dispatch_Returns429RateLimitedWithRetryAfter_OnTheSixthDispatchToANumberWithinAnHour()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        for (var i = 1; i <= 5; i++)
        {
            Assert.That((await Api.DispatchAsync(client, number)).Status, Is.EqualTo(HttpStatusCode.OK), $"dispatch {i}");
            var code = await SimulatorCalls.WaitForCodeAsync(client, number, i);
            Assert.That((await Api.VerifyAsync(client, number, code)).Status, Is.EqualTo(HttpStatusCode.OK));
        }

        using var response = await client.PostAsJsonAsync("/dispatch_otp", new { destination_number = number });
        var body = await Api.ReadAsync(response);
        var calls = await SimulatorCalls.ListAsync(client, number);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((string?)body["status"], Is.EqualTo("rate_limited"));
        Assert.That((string?)body["message"], Does.Contain("per hour to this number"));
        Assert.That(int.Parse(response.Headers.GetValues("Retry-After").Single()), Is.InRange(1, 3600));
        Assert.That(calls, Has.Count.EqualTo(5));
    }

    [Test]
    public async Task Dispatch_Returns403Blocked_ForAPremiumRateNumber_AndPlacesNoCall()
    {
        using var client = Host.Client();
        var number = ExampleNumbers.For("GB", PhoneNumberType.PREMIUM_RATE);

        var (status, body) = await Api.DispatchAsync(client, number);

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((string?)body["status"], Is.EqualTo("blocked"));
        Assert.That((string?)body["message"], Does.Contain("premium-rate"));
        Assert.That(await SimulatorCalls.ListAsync(client, number), Is.Empty);
    }

    [Test]
    public async Task Dispatch_Returns429_ForTheEleventhDispatchFromOneClientIp()
    {
        using var client = Host.Client();
        var ip = $"192.0.2.{Random.Shared.Next(1, 255)}";
        for (var i = 0; i < 10; i++)
            Assert.That((await Api.PostAsync(client, "/dispatch_otp", new { destination_number = TestPhones.Next(), client_ip = ip })).Status,
                Is.EqualTo(HttpStatusCode.OK));

        var (status, body) = await Api.PostAsync(client, "/dispatch_otp", new { destination_number = TestPhones.Next(), client_ip = ip });

        Assert.That(status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((string?)body["message"], Does.Contain("client_ip"));
    }

    [Test]
    public async Task Verify_Returns429_AfterThirtyVerifiesForOneRateLimitKey_WithoutTouchingTheSession()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        await Api.DispatchAsync(client, number);
        var code = await SimulatorCalls.WaitForCodeAsync(client, number);
        var user = "account-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 30; i++)
            await Api.PostAsync(client, "/verify_otp", new { destination_number = TestPhones.Next(), otp = "123456", rate_limit_key = user });

        var (status, body) = await Api.PostAsync(client, "/verify_otp", new { destination_number = number, otp = code, rate_limit_key = user });
        var (later, _) = await Api.VerifyAsync(client, number, code);

        Assert.That(status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((string?)body["status"], Is.EqualTo("rate_limited"));
        Assert.That(later, Is.EqualTo(HttpStatusCode.OK), "the refused verify did not spend the session");
    }

    [TestCase("/dispatch_otp", "client_ip", "1")]
    [TestCase("/dispatch_otp", "client_ip", "256.1.1.1")]
    [TestCase("/dispatch_otp", "client_ip", "not-an-ip")]
    [TestCase("/verify_otp", "client_ip", "0x7f.1")]
    [TestCase("/dispatch_otp", "rate_limit_key", "")]
    [TestCase("/verify_otp", "rate_limit_key", "bad\u0007key")]
    public async Task Request_Returns400Invalid_ForAMalformedOrigin(string path, string field, string value)
    {
        using var client = Host.Client();
        var body = new Dictionary<string, string> { ["destination_number"] = TestPhones.Next(), ["otp"] = "123456", [field] = value };
        if (path == "/dispatch_otp")
            body.Remove("otp");

        var (status, answer) = await Api.PostAsync(client, path, body);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)answer["message"], Does.Contain(field));
    }

    [Test]
    public async Task Request_Returns400Invalid_ForARateLimitKeyOver128Characters()
    {
        using var client = Host.Client();

        var (status, body) = await Api.PostAsync(client, "/dispatch_otp",
            new { destination_number = TestPhones.Next(), rate_limit_key = new string('k', 129) });

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)body["message"], Does.Contain("rate_limit_key"));
    }

    [Test]
    public async Task Dispatch_Accepts_ValidIpv6ClientIpAndRateLimitKey()
    {
        using var client = Host.Client();

        var (status, body) = await Api.PostAsync(client, "/dispatch_otp",
            new { destination_number = TestPhones.Next(), client_ip = "2001:db8::1", rate_limit_key = "user@example.com" });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), (string?)body["message"]);
    }
}
