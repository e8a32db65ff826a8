using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Demo;

// The phone panel's buttons over HTTP, as the page's script presses them. Numbers ending in 09 reach
// a person on the simulated phone; other numbers answer by themselves.
public sealed class DemoPhoneApiTests
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
    public async Task PhonePanel_HearsTheCode_WhenAnsweredAndTheAskedKeyIsPressed()
    {
        using var client = Page();
        var number = TestPhones.Ending("09");
        await PostAsync(client, "start", new { phone = number });

        var ringing = await WaitForCallAsync(client, number, c => (bool)c["can"]!["answer"]!);
        var callId = (string)ringing["call_id"]!;
        var (answered, answer) = await PostAsync(client, "phone/answer", new { call_id = callId });
        var asked = await WaitForCallAsync(client, number, c => (bool)c["can"]!["press"]!);
        var key = ((string)asked["heard"]!)["Press ".Length..][..1];
        var (pressed, _) = await PostAsync(client, "phone/press", new { call_id = callId, digit = key });
        var told = await WaitForCallAsync(client, number, c => ((string?)c["heard"])?.Contains("hear the code again") == true);
        var (hungUp, _) = await PostAsync(client, "phone/hang-up", new { call_id = callId });
        var (_, verified) = await PostAsync(client, "verify", new { phone = number, code = SimulatorCalls.CodeIn((string?)told["heard"]) });

        Assert.That(answered, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)answer["call"]!["status"], Is.EqualTo("in-progress"));
        Assert.That((string?)asked["heard"], Does.StartWith("Press " + key));
        Assert.That(pressed, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(hungUp, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)verified["status"], Is.EqualTo("verified"));
    }

    [Test]
    public async Task PhonePanel_Returns409WrongState_WhenAKeyIsPressedWhileItRings()
    {
        using var client = Page();
        var number = TestPhones.Ending("09");
        await PostAsync(client, "start", new { phone = number });
        var ringing = await WaitForCallAsync(client, number, c => (bool)c["can"]!["answer"]!);

        var (status, body) = await PostAsync(client, "phone/press", new { call_id = (string)ringing["call_id"]!, digit = "1" });
        await PostAsync(client, "phone/ring-out", new { call_id = (string)ringing["call_id"]! });
        var (again, _) = await PostAsync(client, "phone/answer", new { call_id = (string)ringing["call_id"]! });

        Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((string?)body["status"], Is.EqualTo("wrong_state"));
        Assert.That(again, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [TestCase("answer")]
    [TestCase("hang-up")]
    [TestCase("ring-out")]
    public async Task PhonePanel_Returns404NotFound_ForAnUnknownCall(string action)
    {
        using var client = Page();

        var (status, body) = await PostAsync(client, "phone/" + action, new { call_id = Guid.NewGuid().ToString() });

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((string?)body["status"], Is.EqualTo("not_found"));
    }

    [Test]
    public async Task PhonePanel_Returns409NotInteractive_ForACallThatAnswersByItself()
    {
        using var client = Page();
        var number = TestPhones.Next();
        await PostAsync(client, "start", new { phone = number });
        var calls = await SimulatorCalls.WaitForEndedAsync(TestEnvironment.Host.Client(), number, 1);

        var (status, body) = await PostAsync(client, "phone/answer", new { call_id = (string?)calls[0]!["call_uuid"] });
        var (_, listed) = await PostAsync(client, "phone/calls", new { phone = number });

        Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((string?)body["status"], Is.EqualTo("not_interactive"));
        var shown = listed["calls"]![0]!;
        Assert.That((bool)shown["interactive"]!, Is.False);
        Assert.That((bool)shown["can"]!["hang_up"]!, Is.False);
    }

    [TestCase("{}")]
    [TestCase("{\"call_id\": \"x\", \"digit\": \"12\"}")]
    public async Task PhonePanel_Returns400Invalid_ForAPressWithoutACallOrKey(string json)
    {
        using var client = Page();

        using var response = await client.PostAsync("/demo/api/phone/press",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)(await Api.ReadAsync(response))["status"], Is.EqualTo("invalid"));
    }

    // The simulator moves the call on by itself between the buttons, so the panel's list is polled (bounded).
    private static async Task<JsonNode> WaitForCallAsync(HttpClient client, string number, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (_, body) = await PostAsync(client, "phone/calls", new { phone = number });
            if (body["calls"]!.AsArray().FirstOrDefault() is { } call && done(call))
                return call;
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the call never reached the expected state");
            await Task.Delay(50);
        }
    }
}
