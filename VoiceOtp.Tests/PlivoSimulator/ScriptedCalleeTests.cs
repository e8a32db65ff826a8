using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Core.Redis;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.PlivoSimulator;

// Each scripted number ending (README) played through the real engine, Hangfire and the simulator
// over HTTP. The test host allows 4 calls per session and 2 retries, so an unanswered number gets 3.
public sealed class ScriptedCalleeTests
{
    private static VoiceOtpHost Host => TestEnvironment.Host;

    [TestCase("01", "never-answers", "no-answer")]
    [TestCase("02", "busy", "busy")]
    public async Task UnansweredNumber_IsCalledThreeTimes_AndHearsNothing(string ending, string script, string status)
    {
        using var client = Host.Client();
        var number = TestPhones.Ending(ending);

        await Api.DispatchAsync(client, number);
        var calls = await SimulatorCalls.WaitForEndedAsync(client, number, 3);

        Assert.That(calls, Has.Count.EqualTo(3));
        Assert.That(calls.Select(c => (string?)c!["script"]), Has.All.EqualTo(script));
        Assert.That(calls.Select(c => (string?)c!["outcome"]), Has.All.EqualTo(status));
        Assert.That(calls.Select(c => (string?)c!["heard"]), Has.All.Null);
    }

    [Test]
    public async Task Machine_HearsNoDigit_AndIsRetriedLikeANoAnswer()
    {
        using var client = Host.Client();
        var number = TestPhones.Ending("03");

        var (_, body) = await Api.DispatchAsync(client, number);
        var calls = await SimulatorCalls.WaitForEndedAsync(client, number, 3);
        var state = await StateAsync(number, body, 1);

        Assert.That(calls, Has.Count.EqualTo(3));
        Assert.That(calls.Select(c => (string?)c!["answered_by"]), Has.All.EqualTo("machine"));
        Assert.That(calls.Select(c => (string?)c!["heard"]), Has.All.Null, "the machine XML is a bare Hangup");
        Assert.That(calls.Select(c => c!["keys"]!.AsArray().Count), Has.All.EqualTo(0));
        Assert.That(state.Machine, Is.True);
    }

    [Test]
    public async Task NoKey_HearsOnlyThePromptAndGoodbye_AndIsRetried()
    {
        using var client = Host.Client();
        var number = TestPhones.Ending("04");

        await Api.DispatchAsync(client, number);
        var calls = await SimulatorCalls.WaitForEndedAsync(client, number, 3);

        Assert.That(calls, Has.Count.EqualTo(3));
        Assert.That(calls.Select(c => (string?)c!["heard"]),
            Has.All.Match("^Press [0-9] to hear your Acme & <Sons> verification code. " + GoodbyeXml.NoKeypressText + "$"));
    }

    [Test]
    public async Task WrongKeyFirst_IsAskedAgain_AndTheRightKeyHearsTheCode()
    {
        using var client = Host.Client();
        var number = TestPhones.Ending("05");

        await Api.DispatchAsync(client, number);
        var call = await OnlyCallAsync(client, number);
        var keys = Keys(call);
        var code = SimulatorCalls.CodeIn((string?)call["heard"]);

        Assert.That(keys, Has.Count.EqualTo(2));
        Assert.That(keys[0], Is.Not.EqualTo(keys[1]));
        Assert.That((string?)call["heard"], Does.Contain($"That was not the right key. Press {keys[1]} to hear your"));
        Assert.That((await Api.VerifyAsync(client, number, code)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task SecondCallOnly_IsHeardOnTheRetry()
    {
        using var client = Host.Client();
        var number = TestPhones.Ending("06");

        await Api.DispatchAsync(client, number);
        var calls = await SimulatorCalls.WaitForEndedAsync(client, number, 2);

        Assert.That(calls, Has.Count.EqualTo(2));
        Assert.That((string?)calls[0]!["outcome"], Is.EqualTo("no-answer"));
        Assert.That((string?)calls[1]!["outcome"], Is.EqualTo("completed"));
        Assert.That((await Api.VerifyAsync(client, number, SimulatorCalls.CodeIn((string?)calls[1]!["heard"]))).Status,
            Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task LateAnswer_StillHearsTheCode()
    {
        using var client = Host.Client();
        var number = TestPhones.Ending("07");

        await Api.DispatchAsync(client, number);
        var call = await OnlyCallAsync(client, number);

        Assert.That((string?)call["script"], Is.EqualTo("answers-late"));
        Assert.That((string?)call["outcome"], Is.EqualTo("completed"));
        Assert.That(SimulatorCalls.CodeIn((string?)call["heard"]), Does.Match("^[0-9]{6}$"));
    }

    [Test]
    public async Task ReplayOnce_HearsTheCodeTwiceOver_AndIsHeardAtTheEnd()
    {
        using var client = Host.Client();
        var number = TestPhones.Ending("08");

        var (_, body) = await Api.DispatchAsync(client, number);
        var call = await OnlyCallAsync(client, number);
        var heard = (string)call["heard"]!;
        var spaced = string.Join(' ', SimulatorCalls.CodeIn(heard).ToCharArray());
        var state = await StateAsync(number, body, 1);

        Assert.That(Keys(call)[1], Is.EqualTo("1"));
        Assert.That(heard.Split(spaced).Length - 1, Is.EqualTo(6), "two readings of three repeats");
        Assert.That(heard, Does.EndWith("Press 1 to hear the code again. Thank you. Goodbye."));
        Assert.That(state, Is.EqualTo(new CallAnswerState(true, false, true, true, 0, 2, true)));
    }

    [Test]
    public async Task OrdinaryNumber_PressesTheKeyListensOnce_AndTheCallIsHeard()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();

        var (_, body) = await Api.DispatchAsync(client, number);
        var call = await OnlyCallAsync(client, number);
        var state = await StateAsync(number, body, 1);

        Assert.That((string?)call["script"], Is.EqualTo("listens"));
        Assert.That(Keys(call), Has.Count.EqualTo(1));
        Assert.That((string?)call["heard"], Does.StartWith($"Press {Keys(call)[0]} to hear your").And.EndWith("Thank you. Goodbye."));
        Assert.That(state, Is.EqualTo(new CallAnswerState(true, false, true, true, 0, 1, true)));
    }

    private static async Task<JsonObject> OnlyCallAsync(HttpClient client, string number)
    {
        var calls = await SimulatorCalls.WaitForEndedAsync(client, number, 1);
        Assert.That(calls, Has.Count.EqualTo(1));
        return calls[0]!.AsObject();
    }

    private static List<string> Keys(JsonObject call) => [.. call["keys"]!.AsArray().Select(k => (string)k!)];

    private static Task<CallAnswerState> StateAsync(string number, JsonObject dispatched, int call)
    {
        PhoneNumber.TryParse(number, out var phone);
        return Host.Services.GetRequiredService<CallAnswerStore>()
            .FindStateAsync(new CallRef(Host.Services.GetRequiredService<RedisKeys>().PhoneId(phone!), (string)dispatched["session_uuid"]!, call));
    }
}
