using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Redis;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.PublicApi;

// String fields take JSON strings only, and every key at most once; anything else is a 400 that
// names the field, echoes nothing from the request, and touches no session.
public sealed class StrictJsonTests
{
    private static VoiceOtpHost Host => TestEnvironment.Host;

    // {n}: a fresh number with +, {d}: the same number's digits.
    [TestCase("/dispatch_otp", """{"destination_number": {d}}""", "destination_number")]
    [TestCase("/dispatch_otp", """{"destination_number": true}""", "destination_number")]
    [TestCase("/dispatch_otp", """{"destination_number": ["{n}"]}""", "destination_number")]
    [TestCase("/dispatch_otp", """{"destination_number": {"number": "{n}"}}""", "destination_number")]
    [TestCase("/dispatch_otp", """{"destination_number": "{n}", "brand_name": 42}""", "brand_name")]
    [TestCase("/dispatch_otp", """{"destination_number": "{n}", "brand_name": false}""", "brand_name")]
    [TestCase("/dispatch_otp", """{"destination_number": "+15005550006", "destination_number": "{n}"}""", "destination_number")]
    [TestCase("/verify_otp", """{"destination_number": {d}, "otp": "123456"}""", "destination_number")]
    [TestCase("/verify_otp", """{"destination_number": "{n}", "otp": 123456}""", "otp")]
    [TestCase("/verify_otp", """{"destination_number": "{n}", "otp": ["123456"]}""", "otp")]
    [TestCase("/verify_otp", """{"session_uuid": true, "otp": "123456"}""", "session_uuid")]
    [TestCase("/verify_otp", """{"destination_number": "{n}", "otp": "123456", "otp": "654321"}""", "otp")]
    public async Task Api_Returns400NamingTheField_ForAWrongJsonTypeOrARepeatedKey(string path, string template, string field)
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        var body = template.Replace("{n}", number).Replace("{d}", number.TrimStart('+'));

        var (status, answer) = await PostRawAsync(client, path, body);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)answer["status"], Is.EqualTo("invalid"));
        Assert.That((string?)answer["message"], Does.Contain(field));
        Assert.That((string?)answer["message"], Does.Not.Contain(number.TrimStart('+')).And.Not.Contain("123456"));
        Assert.That(await SessionExistsAsync(number), Is.False, "no session was opened, so no call");
    }

    [Test]
    public async Task Api_NamesNoUnknownKey_WhenItIsRepeated()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();

        var (status, answer) = await PostRawAsync(client, "/dispatch_otp",
            $$"""{"destination_number": "{{number}}", "<b>x</b>": 1, "<b>x</b>": 2}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)answer["message"], Does.Contain("the body").And.Not.Contain("<b>"));
        Assert.That(await SessionExistsAsync(number), Is.False);
    }

    [Test]
    public async Task Dispatch_StillAcceptsNullForAnOptionalString()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();

        var (status, _) = await PostRawAsync(client, "/dispatch_otp", $$"""{"destination_number": "{{number}}", "brand_name": null}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task<(HttpStatusCode, JsonObject)> PostRawAsync(HttpClient client, string path, string body)
    {
        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await Api.ReadAsync(response));
    }

    private static async Task<bool> SessionExistsAsync(string number)
    {
        PhoneNumber.TryParse(number, out var phone);
        IDatabase db = TestEnvironment.Redis.Connection.GetDatabase();
        return await db.KeyExistsAsync(TestSettings.KeysFor(Host.KeyPrefix).Session(phone!));
    }
}
