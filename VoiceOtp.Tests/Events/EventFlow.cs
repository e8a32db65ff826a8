using System.Net;
using System.Text.Json.Nodes;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Events;

// Dispatches with a callback URL of the test's own and checks every delivery the way a receiver
// would: the README's signature check, and nothing secret in the body.
public static class EventFlow
{
    public static async Task<(string Number, string SessionUuid, string Url)> DispatchAsync(HttpClient client, string? number = null)
    {
        number ??= TestPhones.Next();
        var url = TestEnvironment.Receiver.NewUrl();
        var (status, body) = await Api.PostAsync(client, "/dispatch_otp", new { destination_number = number, callback_url = url });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return (number, (string)body["session_uuid"]!, url);
    }

    public static async Task<JsonObject> WaitForEventAsync(string url, string eventName, string number, string? code = null, int count = 1)
    {
        var deliveries = await TestEnvironment.Receiver.WaitForAsync(url, eventName, count);
        foreach (var d in deliveries)
        {
            Assert.That(ReadmeSignatureCheck.IsGenuine(TestSettings.CallbackSecret, d.Timestamp, d.Signature, d.Body, DateTimeOffset.UtcNow),
                Is.True, "the README's check accepts the delivery");
            Assert.That(d.EventId, Is.EqualTo((string?)d.Json["event_id"]));
            Assert.That(d.Body, Does.Not.Contain(number[1..]), "no full number in an event");
            if (code is not null)
                Assert.That(d.Body, Does.Not.Contain(code), "no code in an event");
        }
        var e = deliveries[^1].Json;
        Assert.That((string?)e["destination_number_masked"], Is.EqualTo(TestPhones.Masked(number)));
        return e;
    }
}
