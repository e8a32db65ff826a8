using System.Net;
using System.Net.Http.Json;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.PublicApi;

// The defaults (10 wrong codes per number per hour) over HTTP: fresh sessions do not buy fresh guesses.
public sealed class WrongCodeLimitApiTests
{
    private static VoiceOtpHost Host => TestEnvironment.Host;

    [Test]
    public async Task Api_Returns429RateLimitedWithRetryAfter_OnceANumberUsedItsWrongCodes_AcrossSessions()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        string code;
        foreach (var wrongs in new[] { 4, 4 })
        {
            code = await DispatchedCodeAsync(client, number);
            for (var i = 0; i < wrongs; i++)
                Assert.That((await Api.VerifyAsync(client, number, Api.Wrong(code))).Status, Is.EqualTo((HttpStatusCode)422));
            Assert.That((await Api.VerifyAsync(client, number, code)).Status, Is.EqualTo(HttpStatusCode.OK));
        }
        code = await DispatchedCodeAsync(client, number);
        for (var i = 0; i < 2; i++)
            Assert.That((await Api.VerifyAsync(client, number, Api.Wrong(code))).Status, Is.EqualTo((HttpStatusCode)422));

        using var wrong = await client.PostAsJsonAsync("/verify_otp", new { destination_number = number, otp = Api.Wrong(code) });
        using var right = await client.PostAsJsonAsync("/verify_otp", new { destination_number = number, otp = code });
        using var dispatch = await client.PostAsJsonAsync("/dispatch_otp", new { destination_number = number });

        foreach (var response in new[] { wrong, right, dispatch })
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That((string?)(await Api.ReadAsync(response))["status"], Is.EqualTo("rate_limited"));
            Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromHours(1)));
        }
    }

    private static async Task<string> DispatchedCodeAsync(HttpClient client, string number)
    {
        var before = (await SimulatorCalls.ListAsync(client, number)).Count;
        Assert.That((await Api.DispatchAsync(client, number)).Status, Is.EqualTo(HttpStatusCode.OK));
        return await SimulatorCalls.WaitForCodeAsync(client, number, before + 1);
    }
}
