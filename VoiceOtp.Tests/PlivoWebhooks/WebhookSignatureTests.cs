using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.PlivoWebhooks;

public sealed class WebhookSignatureTests
{
    private static VoiceOtpHost Host => TestEnvironment.Host;

    // The host runs the simulator, which replaces configured credentials by its own per process.
    private static string HostAuthToken => Host.Services.GetRequiredService<IOptions<PlivoOptions>>().Value.AuthToken;

    private static readonly KeyValuePair<string, string>[] AnswerForm =
    [
        new("CallUUID", Guid.NewGuid().ToString()), new("CallStatus", "in-progress"), new("Direction", "outbound"),
        new("Event", "StartApp"), new("From", "14155550100"), new("To", "447700900001"),
    ];

    private static HttpRequestMessage Signed(string path, IEnumerable<KeyValuePair<string, string>> form, string token,
        IEnumerable<KeyValuePair<string, string>>? sent = null)
    {
        var url = new Uri(Host.BaseUrl + path);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(sent ?? form) };
        request.Headers.Add("X-Plivo-Signature-V3-Nonce", "12345678901234567890");
        request.Headers.Add("X-Plivo-Signature-V3", PlivoSignatureV3.Compute("POST", url, form, "12345678901234567890", token));
        return request;
    }

    [TestCase("/plivo/answer/")]
    [TestCase("/plivo/hangup/")]
    public async Task Webhook_Returns403_WithoutASignature(string path)
    {
        using var client = Host.AnonymousClient();

        using var response = await client.PostAsync(path + TestTokens.Unknown(), new FormUrlEncodedContent(AnswerForm));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("<Speak"));
    }

    [TestCase("/plivo/answer/")]
    [TestCase("/plivo/hangup/")]
    public async Task Webhook_Returns403_WhenSignedWithAnotherToken(string path)
    {
        using var client = Host.AnonymousClient();

        using var response = await client.SendAsync(Signed(path + TestTokens.Unknown(), AnswerForm, "not-our-auth-token"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Webhook_Returns403_WhenAFormValueWasChangedAfterSigning()
    {
        using var client = Host.AnonymousClient();
        var tampered = AnswerForm.Select(kv => kv.Key == "CallStatus" ? new KeyValuePair<string, string>(kv.Key, "completed") : kv);

        using var response = await client.SendAsync(Signed("/plivo/hangup/" + TestTokens.Unknown(), AnswerForm, HostAuthToken, tampered));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Answer_SpeaksNoCode_ForAValidlySignedUnknownCall()
    {
        using var client = Host.AnonymousClient();

        using var response = await client.SendAsync(Signed("/plivo/answer/" + TestTokens.Unknown(), AnswerForm, HostAuthToken));
        var xml = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xml"));
        Assert.That(xml, Does.Contain("no longer valid").And.Contain("<Hangup/>").And.Not.Contain("say-as"));
    }

    [Test]
    public async Task Answer_Returns405Json_ForGet()
    {
        using var client = Host.AnonymousClient();

        using var response = await client.GetAsync("/plivo/answer/" + TestTokens.Unknown());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That((string?)(await Api.ReadAsync(response))["status"], Is.EqualTo("method_not_allowed"));
    }
}
