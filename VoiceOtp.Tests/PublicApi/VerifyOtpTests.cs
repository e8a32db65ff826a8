using System.Net;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.PublicApi;

public sealed class VerifyOtpTests
{
    private static VoiceOtpHost Host => TestEnvironment.Host;

    private static async Task<(HttpClient Client, string Number, string Code, string SessionUuid)> DispatchedAsync()
    {
        var client = Host.Client();
        var number = TestPhones.Next();
        var (_, body) = await Api.DispatchAsync(client, number);
        var code = await SimulatorCalls.WaitForCodeAsync(client, number);
        return (client, number, code, (string)body["session_uuid"]!);
    }

    private static string Wrong(string code) => (code[0] == '9' ? "0" : ((char)(code[0] + 1)).ToString()) + code[1..];

    [Test]
    public async Task Verify_Returns422WithAttemptsRemaining_ForAWrongCode()
    {
        var (client, number, code, _) = await DispatchedAsync();

        var (status, body) = await Api.VerifyAsync(client, number, Wrong(code));

        Assert.That(status, Is.EqualTo((HttpStatusCode)422));
        Assert.That((string?)body["status"], Is.EqualTo("rejected"));
        Assert.That((int?)body["attempts_remaining"], Is.EqualTo(4));
        Assert.That((string?)body["message"], Is.Not.Empty);
    }

    [Test]
    public async Task Verify_Returns429Locked_AfterMaxWrongAttempts_EvenForTheRightCode()
    {
        var (client, number, code, _) = await DispatchedAsync();
        for (var i = 0; i < 4; i++)
            Assert.That((await Api.VerifyAsync(client, number, Wrong(code))).Status, Is.EqualTo((HttpStatusCode)422));

        var (fifth, _) = await Api.VerifyAsync(client, number, Wrong(code));
        var (right, body) = await Api.VerifyAsync(client, number, code);

        Assert.That(fifth, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(right, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((string?)body["status"], Is.EqualTo("locked"));
    }

    [Test]
    public async Task Verify_Returns404_WhenSpentOrNeverDispatched()
    {
        var (client, number, code, _) = await DispatchedAsync();
        Assert.That((await Api.VerifyAsync(client, number, code)).Status, Is.EqualTo(HttpStatusCode.OK));

        var (spent, body) = await Api.VerifyAsync(client, number, code);
        var (never, _) = await Api.VerifyAsync(client, TestPhones.Next(), "123456");

        Assert.That(spent, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((string?)body["status"], Is.EqualTo("not_found"));
        Assert.That(never, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Verify_BySessionUuid_Succeeds()
    {
        var (client, _, code, sessionUuid) = await DispatchedAsync();

        var (status, body) = await Api.PostAsync(client, "/verify_otp", new { session_uuid = sessionUuid.ToUpperInvariant(), otp = code });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)body["session_uuid"], Is.EqualTo(sessionUuid));
    }

    [Test]
    public async Task Verify_GivesExactlyOne200_WhenCorrectVerifiesRaceOverHttp()
    {
        var (client, number, code, _) = await DispatchedAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Api.VerifyAsync(client, number, code)));

        Assert.That(results.Count(r => r.Status == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(results.Count(r => r.Status == HttpStatusCode.NotFound), Is.EqualTo(19));
    }

    [TestCase("12345")]
    [TestCase("1234567")]
    [TestCase("12a456")]
    [TestCase("")]
    [TestCase(" 123456")]
    public async Task Verify_Returns400_AndCostsNoAttempt_ForAMalformedCode(string otp)
    {
        var (client, number, code, _) = await DispatchedAsync();

        var (status, body) = await Api.VerifyAsync(client, number, otp);
        var (_, after) = await Api.VerifyAsync(client, number, Wrong(code));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)body["status"], Is.EqualTo("invalid"));
        Assert.That((int?)after["attempts_remaining"], Is.EqualTo(4), "a malformed code must not count as an attempt");
    }

    [Test]
    public async Task Verify_Returns400_ForMissingOrDoubleIdentifiers()
    {
        using var client = Host.Client();

        var (neither, _) = await Api.PostAsync(client, "/verify_otp", new { otp = "123456" });
        var (both, _) = await Api.PostAsync(client, "/verify_otp",
            new { otp = "123456", destination_number = TestPhones.Next(), session_uuid = Guid.NewGuid() });
        var (badUuid, _) = await Api.PostAsync(client, "/verify_otp", new { otp = "123456", session_uuid = "x" });
        var (numericOtp, _) = await Api.PostAsync(client, "/verify_otp", new { otp = 123456, destination_number = TestPhones.Next() });

        Assert.That(neither, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(both, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(badUuid, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(numericOtp, Is.EqualTo(HttpStatusCode.BadRequest), "otp is a JSON string, never a number");
    }

    [Test]
    public async Task Verify_Returns401_WithoutApiKey()
    {
        using var client = Host.AnonymousClient();

        using var response = await client.PostAsync("/verify_otp",
            System.Net.Http.Json.JsonContent.Create(new { destination_number = TestPhones.Next(), otp = "123456" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
