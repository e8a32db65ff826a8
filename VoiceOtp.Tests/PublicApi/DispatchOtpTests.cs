using System.Net;
using System.Text;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.PublicApi;

public sealed class DispatchOtpTests
{
    private static VoiceOtpHost Host => TestEnvironment.Host;

    [Test]
    public async Task Dispatch_CallsAndSpeaksACodeThatVerifies_EndToEnd()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();

        var (status, body) = await Api.DispatchAsync(client, number);
        var code = await SimulatorCalls.WaitForCodeAsync(client, number);
        var (verifyStatus, verifyBody) = await Api.VerifyAsync(client, number, code);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)body["status"], Is.EqualTo("success"));
        Assert.That((string?)body["message"], Is.EqualTo("verification initiated"));
        Assert.That(Guid.TryParse((string?)body["session_uuid"], out _), Is.True);
        Assert.That(DateTimeOffset.Parse((string)body["expires_at"]!), Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(9)));
        Assert.That(verifyStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)verifyBody["status"], Is.EqualTo("success"));
        Assert.That((string?)verifyBody["session_uuid"], Is.EqualTo((string?)body["session_uuid"]));
    }

    [Test]
    public async Task Dispatch_SpeaksTheBrandAndTheCodeThreeTimes()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();

        await Api.PostAsync(client, "/dispatch_otp", new { destination_number = number, brand_name = "Smith & Jones' Bank" });
        var calls = await SimulatorCalls.WaitForEndedAsync(client, number, 1);
        var heard = (string)calls[0]!["heard"]!;
        var code = SimulatorCalls.CodeIn(heard);
        var spaced = string.Join(' ', code.ToCharArray());

        Assert.That(heard, Does.StartWith("Press ").And.Contain("to hear your Smith & Jones' Bank verification code."));
        Assert.That(heard, Does.Contain("Your Smith & Jones' Bank verification code is " + spaced));
        Assert.That(heard.Split(spaced).Length - 1, Is.EqualTo(3));
    }

    [Test]
    public async Task Dispatch_AcceptsTheGuidesPathShape()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();

        var (status, body) = await Api.PostAsync(client, "/dispatch_otp/" + Uri.EscapeDataString(number), null);
        var code = await SimulatorCalls.WaitForCodeAsync(client, number);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), (string?)body["message"]);
        Assert.That((await Api.VerifyAsync(client, number, code)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Dispatch_JoinsThePendingSession_AndTheSecondCallSpeaksTheSameCode()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();

        var (_, first) = await Api.DispatchAsync(client, number);
        var firstCode = await SimulatorCalls.WaitForCodeAsync(client, number, 1);
        var (status, second) = await Api.DispatchAsync(client, number);
        var secondCode = await SimulatorCalls.WaitForCodeAsync(client, number, 2);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)second["session_uuid"], Is.EqualTo((string?)first["session_uuid"]));
        Assert.That((string?)second["expires_at"], Is.EqualTo((string?)first["expires_at"]));
        Assert.That(secondCode, Is.EqualTo(firstCode));
    }

    [Test]
    public async Task Dispatch_Returns429TooManyCalls_WhenTheSessionUsedItsCalls()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        for (var i = 0; i < 4; i++)
            Assert.That((await Api.DispatchAsync(client, number)).Status, Is.EqualTo(HttpStatusCode.OK));

        var (status, body) = await Api.DispatchAsync(client, number);

        Assert.That(status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((string?)body["status"], Is.EqualTo("too_many_calls"));
    }

    [TestCase("")]
    [TestCase("not a number")]
    [TestCase("+1")]
    [TestCase("+99912345678")]
    [TestCase("+4477009000011234567890")]
    public async Task Dispatch_Returns400Invalid_AndPlacesNoCall_ForABadNumber(string number)
    {
        using var client = Host.Client();

        var (status, body) = await Api.DispatchAsync(client, number);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)body["status"], Is.EqualTo("invalid"));
        Assert.That((string?)body["message"], Does.Contain("destination_number"));
    }

    [TestCase("{\"destination_number\": ")]
    [TestCase("[1,2,3]")]
    [TestCase("{\"destination_number\": {\"a\": 1}}")]
    public async Task Dispatch_Returns400Invalid_ForMalformedJson(string json)
    {
        using var client = Host.Client();

        using var response = await client.PostAsync("/dispatch_otp", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await Api.ReadAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)body["status"], Is.EqualTo("invalid"));
    }

    [TestCase("/dispatch_otp")]
    [TestCase("/verify_otp")]
    public async Task Request_Returns400Invalid_ForABodyThatIsNotUtf8(string path)
    {
        using var client = Host.Client();
        var content = new ByteArrayContent([.. "{\"otp\": \""u8, 0xff, 0xfe, .. "\"}"u8]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync(path, content);
        var body = await Api.ReadAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)body["status"], Is.EqualTo("invalid"));
    }

    [Test]
    public async Task Dispatch_Returns400Invalid_ForAnUnspeakableBrand()
    {
        using var client = Host.Client();

        var (status, body) = await Api.PostAsync(client, "/dispatch_otp",
            new { destination_number = TestPhones.Next(), brand_name = "bad\u0001brand" });

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)body["message"], Does.Contain("brand_name"));
    }

    [Test]
    public async Task Dispatch_Returns415Json_ForAFormBody()
    {
        using var client = Host.Client();

        using var response = await client.PostAsync("/dispatch_otp",
            new FormUrlEncodedContent([new("destination_number", TestPhones.Next())]));
        var body = await Api.ReadAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That((string?)body["status"], Is.EqualTo("unsupported_media_type"));
    }

    [TestCase(null)]
    [TestCase("wrong-key-0123456789")]
    public async Task Dispatch_Returns401_WithoutAValidApiKey(string? key)
    {
        using var client = key is null ? Host.AnonymousClient() : Host.Client(key);

        using var response = await client.PostAsync("/dispatch_otp", System.Net.Http.Json.JsonContent.Create(new { destination_number = TestPhones.Next() }));
        var body = await Api.ReadAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((string?)body["status"], Is.EqualTo("unauthorized"));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task UnknownRoute_Returns404Json()
    {
        using var client = Host.Client();

        using var response = await client.GetAsync("/no/such/thing");
        var body = await Api.ReadAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((string?)body["status"], Is.EqualTo("not_found"));
    }
}
