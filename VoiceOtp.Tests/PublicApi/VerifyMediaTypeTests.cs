using System.Net;
using System.Net.Http.Headers;
using System.Text;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.PublicApi;

// /verify_otp reads its body outside MVC (VerifyOtpEndpoint): it takes the media types the
// controllers' JSON formatter takes, in UTF-8 only, and answers anything else 415 in our shape.
public sealed class VerifyMediaTypeTests
{
    [TestCase("application/json")]
    [TestCase("application/json; charset=utf-8")]
    [TestCase("Application/JSON; charset=UTF-8")]
    [TestCase("text/json")]
    [TestCase("application/vnd.example+json")]
    public async Task Verify_ReadsTheBody_ForAJsonMediaType(string contentType)
    {
        var (status, body) = await PostAsync(contentType, Encoding.UTF8.GetBytes(UnknownNumberBody()));

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound), "read and checked: no session for a fresh number");
        Assert.That((string?)body["status"], Is.EqualTo("not_found"));
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/json; charset=utf-16")]
    [TestCase("application/json; charset=iso-8859-1")]
    [TestCase(null)]
    public async Task Verify_Returns415InOurShape_ForAnyOtherMediaTypeOrCharset(string? contentType)
    {
        var (status, body) = await PostAsync(contentType, Encoding.UTF8.GetBytes(UnknownNumberBody()));

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That((string?)body["status"], Is.EqualTo("unsupported_media_type"));
    }

    [Test]
    public async Task Verify_SkipsAUtf8ByteOrderMark()
    {
        var (status, _) = await PostAsync("application/json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(UnknownNumberBody())]);

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("")]
    [TestCase("null")]
    [TestCase("   ")]
    public async Task Verify_Returns400NamingTheBody_ForNoObject(string text)
    {
        var (status, body) = await PostAsync("application/json", Encoding.UTF8.GetBytes(text));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)body["message"], Does.Contain("the body"));
    }

    private static string UnknownNumberBody() => $$"""{"destination_number": "{{TestPhones.Next()}}", "otp": "123456"}""";

    private static async Task<(HttpStatusCode, System.Text.Json.Nodes.JsonObject)> PostAsync(string? contentType, byte[] bytes)
    {
        using var client = TestEnvironment.Host.Client();
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.PostAsync("/verify_otp", content);
        return (response.StatusCode, await Api.ReadAsync(response));
    }
}
