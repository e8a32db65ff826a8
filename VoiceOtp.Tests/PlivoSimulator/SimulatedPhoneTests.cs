using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceOtp.Tests.Infrastructure;
using VoiceOtp.Web.PlivoSimulator;

namespace VoiceOtp.Tests.PlivoSimulator;

// A person on the simulated phone (numbers ending in 09), driven through the in-process API the
// demo page uses and through its JSON routes.
public sealed class SimulatedPhoneTests
{
    private static VoiceOtpHost Host => TestEnvironment.Host;
    private static SimulatedPhone Phone => Host.Services.GetRequiredService<SimulatedPhone>();

    [Test]
    public async Task Person_AnswersPressesAWrongThenTheRightKey_HearsTheCode_AndHangsUp()
    {
        using var client = Host.Client();
        var number = TestPhones.Ending("09");
        await Api.DispatchAsync(client, number);

        var ringing = await WaitAsync(number, c => c.State == "ringing");
        Assert.That(Phone.Answer(ringing.CallId), Is.EqualTo(PhoneResult.Done));
        var asked = await WaitAsync(number, c => c.AwaitingKey);
        var digit = asked.Heard.Split(' ')[1][0];
        Assert.That(Phone.Press(asked.CallId, (char)('0' + (digit - '0' + 1) % 10)), Is.EqualTo(PhoneResult.Done));
        await WaitAsync(number, c => c.AwaitingKey && c.Heard.Contains("not the right key"));
        Assert.That(Phone.Press(asked.CallId, digit), Is.EqualTo(PhoneResult.Done));
        var menu = await WaitAsync(number, c => c.AwaitingKey && c.Heard.Contains("hear the code again"));
        Assert.That(Phone.HangUp(menu.CallId), Is.EqualTo(PhoneResult.Done));
        var ended = await WaitAsync(number, c => c.State == "ended");

        Assert.That(ended.Interactive, Is.True);
        Assert.That(ended.Outcome, Is.EqualTo("completed"));
        Assert.That(ended.Keys, Has.Count.EqualTo(2).And.Contains(digit.ToString()));
        Assert.That(Phone.Press(ended.CallId, '1'), Is.EqualTo(PhoneResult.WrongState));
        Assert.That((await Api.VerifyAsync(client, number, SimulatorCalls.CodeIn(ended.Heard))).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task RingOut_IsANoAnswer_AndTheRetryRingsAgain_WhichCanBeDeclined()
    {
        using var client = Host.Client();
        var number = TestPhones.Ending("09");
        await Api.DispatchAsync(client, number);

        var first = await WaitAsync(number, c => c.State == "ringing");
        Assert.That(Phone.RingOut(first.CallId), Is.EqualTo(PhoneResult.Done));
        var second = await WaitAsync(number, c => c.State == "ringing" && c.CallId != first.CallId);
        Assert.That(Phone.HangUp(second.CallId), Is.EqualTo(PhoneResult.Done));
        await WaitAsync(number, c => c.CallId == second.CallId && c.State == "ended");

        var calls = Phone.CallsTo(number);
        Assert.That(calls[0].Outcome, Is.EqualTo("no-answer"));
        Assert.That(calls[1].Outcome, Is.EqualTo("busy"));
        Assert.That(calls.Select(c => c.Heard), Has.All.Empty);
        Assert.That(Phone.Answer(first.CallId), Is.EqualTo(PhoneResult.WrongState));
    }

    [Test]
    public async Task Person_WhoPressesNothing_HearsGoodbyeAndNoCode()
    {
        using var client = Host.Client();
        var number = TestPhones.Ending("09");
        await Api.DispatchAsync(client, number);

        var ringing = await WaitAsync(number, c => c.State == "ringing");
        Phone.Answer(ringing.CallId);
        var ended = await WaitAsync(number, c => c.CallId == ringing.CallId && c.State == "ended");

        Assert.That(ended.Heard, Does.StartWith("Press ").And.EndWith("We did not receive a key press. Goodbye."));
        Assert.That(ended.Keys, Is.Empty);
    }

    [Test]
    public async Task JsonRoutes_DriveThePhone_AndAnswerErrorsInTheirOwnShape()
    {
        using var client = Host.Client();
        var number = TestPhones.Ending("09");
        await Api.DispatchAsync(client, number);
        var ringing = await WaitAsync(number, c => c.State == "ringing");
        var scripted = TestPhones.Next();
        await Api.DispatchAsync(client, scripted);
        var scriptedCall = (await SimulatorCalls.WaitForEndedAsync(client, scripted, 1))[0]!;

        var (listStatus, list) = await GetAsync(client, $"/simulator/phone/calls?number={Uri.EscapeDataString(number)}");
        var (answerStatus, answered) = await Api.PostAsync(client, $"/simulator/phone/calls/{ringing.CallId}/answer", null);
        await WaitAsync(number, c => c.AwaitingKey);
        var (badKey, _) = await Api.PostAsync(client, $"/simulator/phone/calls/{ringing.CallId}/press", new { digit = "x" });
        var (pressStatus, _) = await Api.PostAsync(client, $"/simulator/phone/calls/{ringing.CallId}/press", new { digit = "#" });
        var (hangupStatus, hungUp) = await Api.PostAsync(client, $"/simulator/phone/calls/{ringing.CallId}/hangup", null);
        var (unknown, missing) = await Api.PostAsync(client, "/simulator/phone/calls/no-such-call/answer", null);
        var (notPhone, conflict) = await Api.PostAsync(client, $"/simulator/phone/calls/{(string)scriptedCall["call_uuid"]!}/answer", null);
        using var anonymous = await Host.AnonymousClient().GetAsync($"/simulator/phone/calls?number={Uri.EscapeDataString(number)}");

        Assert.That(listStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)list["calls"]![0]!["call_id"], Is.EqualTo(ringing.CallId));
        Assert.That((string?)list["calls"]![0]!["state"], Is.EqualTo("ringing"));
        Assert.That(answerStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)answered["status"], Is.EqualTo("success"));
        Assert.That((string?)answered["call"]!["state"], Is.EqualTo("in-progress"));
        Assert.That(badKey, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(pressStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(hangupStatus, Is.EqualTo(HttpStatusCode.OK), "'#' is one wrong key of three: the call goes on");
        Assert.That((string?)hungUp["status"], Is.EqualTo("success"));
        Assert.That(unknown, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((string?)missing["status"], Is.EqualTo("not_found"));
        Assert.That(notPhone, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((string?)conflict["status"], Is.EqualTo("conflict"));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private static async Task<(HttpStatusCode, System.Text.Json.Nodes.JsonObject)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await Api.ReadAsync(response));
    }

    // Bounded wait for the newest call to the number matching the condition; the phone changes as
    // Hangfire and the webhooks move the call along.
    private static async Task<PhoneCallView> WaitAsync(string number, Func<PhoneCallView, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var match = Phone.CallsTo(number).LastOrDefault(condition);
            if (match is not null)
                return match;
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the simulated phone never reached the expected state");
            await Task.Delay(20);
        }
    }
}
