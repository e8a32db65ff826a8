using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.PublicApi;

// One status code, several answers: the document's 429s name rate_limited next to the older ones and
// its 503s name unavailable; a number that used its wrong codes across sessions really gets
// rate_limited, with Retry-After, from verify and dispatch, in the documented 429 shape.
public sealed class OpenApiRateLimitedTests
{
    [Test]
    public async Task RateLimited_IsDocumentedUnder429_AndAnsweredForReal_ByVerifyAndDispatch()
    {
        using var anonymous = TestEnvironment.Host.AnonymousClient();
        var doc = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        using var api = TestEnvironment.Host.Client();
        var number = TestPhones.Next();
        var code = "";
        // 4 + 4 + 2 wrong codes over three sessions: the default 10 per number per hour.
        foreach (var wrongs in new[] { 4, 4, 2 })
        {
            var before = (await SimulatorCalls.ListAsync(api, number)).Count;
            Assert.That((await Api.DispatchAsync(api, number)).Status, Is.EqualTo(HttpStatusCode.OK));
            code = await SimulatorCalls.WaitForCodeAsync(api, number, before + 1);
            for (var i = 0; i < wrongs; i++)
                Assert.That((await Api.VerifyAsync(api, number, Api.Wrong(code))).Status, Is.EqualTo((HttpStatusCode)422));
            if (wrongs == 4)
                Assert.That((await Api.VerifyAsync(api, number, code)).Status, Is.EqualTo(HttpStatusCode.OK));
        }

        using var verify = await api.PostAsJsonAsync("/verify_otp", new { destination_number = number, otp = code });
        using var dispatch = await api.PostAsJsonAsync("/dispatch_otp", new { destination_number = number });

        foreach (var (path, response) in new[] { ("/verify_otp", verify), ("/dispatch_otp", dispatch) })
        {
            var responses = doc["paths"]![path]!["post"]!["responses"]!;
            Assert.That((string?)responses["429"]!["description"], Does.Contain("rate_limited"), path);
            Assert.That((string?)responses["503"]!["description"], Does.Contain("unavailable"), path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), path);
            Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero), path);
            var body = await Api.ReadAsync(response);
            Assert.That((string?)body["status"], Is.EqualTo("rate_limited"), path);
            Assert.That(body.Select(p => p.Key), Is.SubsetOf(Properties(doc, responses["429"]!)), path);
        }
    }

    private static List<string> Properties(JsonNode doc, JsonNode response)
    {
        var schema = response["content"]!["application/json"]!["schema"]!;
        var reference = (string?)schema["$ref"];
        var resolved = reference is null ? schema : doc["components"]!["schemas"]![reference.Split('/')[^1]]!;
        return [.. resolved["properties"]!.AsObject().Select(p => p.Key)];
    }
}
