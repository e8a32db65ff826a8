using System.Net.Http.Headers;
using System.Xml.Linq;
using VoiceOtp.Tests.Hostile;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Secrets;

// The engine as its own process with a separate fake Plivo and its log turned up to Trace for its
// own categories (Debug for Hangfire and everything else the configuration lets through), driven
// through every path a secret could leak on: success, wrong codes, a lock-out, Plivo failing (500)
// and refusing (400), an unanswered call and its retry, a verify by session id, a forged webhook
// and a status read of every session. Everything secret it met is collected, so the tests can look
// for each.
public sealed class LoggedFlow : IAsyncDisposable
{
    public const string DashboardPassword = "logged-flow-dashboard-secret";

    private LoggedFlow(FakePlivo plivo, AppProcess app, Dictionary<string, string> settings)
    {
        Plivo = plivo;
        App = app;
        Settings = settings;
        Api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.ApiKey);
    }

    public FakePlivo Plivo { get; }
    public AppProcess App { get; }
    public Dictionary<string, string> Settings { get; }
    public HttpClient Api { get; }
    public List<string> Codes { get; } = [];
    public List<string> Numbers { get; } = [];
    public List<string> CallTokens { get; } = [];
    public List<string> Sessions { get; } = [];

    public static async Task<LoggedFlow> StartAsync()
    {
        var plivo = await FakePlivo.StartAsync();
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var run = Guid.NewGuid().ToString("N")[..8];
        var settings = TestSettings.For(baseUrl, TestEnvironment.Redis.Configuration, $"logged:{{{run}}}:", $"{{logged-jobs-{run}}}:");
        settings["Plivo:BaseUrl"] = plivo.BaseUrl;
        settings["Dashboard:Username"] = "admin";
        settings["Dashboard:Password"] = DashboardPassword;
        settings["Logging:LogLevel:Default"] = "Debug";
        settings["Logging:LogLevel:VoiceOtp"] = "Trace";
        settings["Logging:LogLevel:Hangfire"] = "Debug";
        var app = AppProcess.Start(baseUrl, settings);
        await app.WaitUntilListeningAsync();
        return new LoggedFlow(plivo, app, settings);
    }

    public async Task RunAsync()
    {
        // Verified after one wrong code, with events to a callback URL (their delivery is a Hangfire job).
        var a = Number();
        var callbackUrlA = TestEnvironment.Receiver.NewUrl();
        var codeA = await AnswerAsync(await DispatchAsync(a, callbackUrlA));
        await HangupAsync(Plivo.Calls.Last(c => To(c) == a), "completed", "NORMAL_CLEARING");
        await PostVerifyAsync(a, Wrong(codeA));
        await PostVerifyAsync(a, codeA);
        await TestEnvironment.Receiver.WaitForAsync(callbackUrlA, "session.verified");

        // Locked by wrong codes; the right code and a new dispatch are refused afterwards.
        var b = Number();
        var codeB = await AnswerAsync(await DispatchAsync(b));
        for (var i = 0; i < 5; i++)
            await PostVerifyAsync(b, Wrong(codeB));
        await PostVerifyAsync(b, codeB);
        await global::VoiceOtp.Tests.Infrastructure.Api.DispatchAsync(Api, b);

        // Plivo answers 500, then Plivo refuses with 400.
        Plivo.FailNext.Enqueue(500);
        await DispatchAsync(Number());
        Plivo.FailNext.Enqueue(400);
        await DispatchAsync(Number());

        // Unanswered, retried by Hangfire, answered the second time; then a forged answer.
        var e = Number();
        var first = await DispatchAsync(e);
        await HangupAsync(first, "no-answer", "NO_ANSWER");
        var retry = await SecondCallToAsync(e);
        var codeE = await AnswerAsync(retry);
        using (var forged = HostileApps.Signed((string)retry.Body["answer_url"]!, HostileApps.AnswerForm(e), "12345678901234567890", "forged-token"))
            (await Api.SendAsync(forged)).Dispose();
        var (verified, _) = await global::VoiceOtp.Tests.Infrastructure.Api.PostAsync(Api, "/verify_otp",
            new { session_uuid = Sessions[^1], otp = codeE });
        Assert.That((int)verified, Is.EqualTo(200), "the retried session verifies by its session id");

        foreach (var session in Sessions)
        {
            var (status, body) = await global::VoiceOtp.Tests.Infrastructure.Api.GetAsync(Api, "/sessions/" + session);
            Assert.That((int)status, Is.EqualTo(200), "every session's status reads");
            Assert.That((string?)body["destination_number_masked"], Does.Contain("*"));
        }
    }

    private string Number()
    {
        var number = TestPhones.Next();
        Numbers.Add(number);
        return number;
    }

    private async Task<FakePlivo.RecordedCall> SecondCallToAsync(string number)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Plivo.Calls.Count(c => To(c) == number) < 2 && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.That(Plivo.Calls.Count(c => To(c) == number), Is.EqualTo(2), "the unanswered call was retried once");
        var retry = Plivo.Calls.Last(c => To(c) == number);
        var answerUrl = (string)retry.Body["answer_url"]!;
        CallTokens.Add(answerUrl[(answerUrl.LastIndexOf('/') + 1)..]);
        return retry;
    }

    private static string To(FakePlivo.RecordedCall call) => (string)call.Body["to"]!;

    private static string Wrong(string code) => (code[0] == '9' ? '0' : (char)(code[0] + 1)) + code[1..];

    private async Task<FakePlivo.RecordedCall> DispatchAsync(string number, string? callbackUrl = null)
    {
        var before = Plivo.Calls.Count;
        var (_, dispatched) = callbackUrl is null
            ? await global::VoiceOtp.Tests.Infrastructure.Api.DispatchAsync(Api, number)
            : await global::VoiceOtp.Tests.Infrastructure.Api.PostAsync(Api, "/dispatch_otp", new { destination_number = number, callback_url = callbackUrl });
        Sessions.Add((string)dispatched["session_uuid"]!);
        var call = await Plivo.WaitForCallAsync(before + 1);
        Assert.That(To(call), Is.EqualTo(number));
        var answerUrl = (string)call.Body["answer_url"]!;
        CallTokens.Add(answerUrl[(answerUrl.LastIndexOf('/') + 1)..]);
        return call;
    }

    private async Task<string> AnswerAsync(FakePlivo.RecordedCall call)
    {
        using var request = HostileApps.Signed((string)call.Body["answer_url"]!, HostileApps.AnswerForm(To(call)), Nonce());
        using var response = await Api.SendAsync(request);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        // The keypress gate: the answer asks for one key ("Press 4 to hear ..."), its action speaks the code.
        if (xml.Root!.Element("GetDigits") is { } gate)
        {
            var form = HostileApps.AnswerForm(To(call));
            form.Add(new("Digits", gate.Value.Split(' ')[1]));
            using var press = HostileApps.Signed((string)gate.Attribute("action")!, form, Nonce());
            using var pressed = await Api.SendAsync(press);
            xml = XDocument.Parse(await pressed.Content.ReadAsStringAsync());
        }
        var code = xml.Descendants("say-as").First().Value;
        Codes.Add(code);
        return code;
    }

    private async Task HangupAsync(FakePlivo.RecordedCall call, string status, string cause)
    {
        var form = HostileApps.AnswerForm(To(call));
        form.RemoveAll(kv => kv.Key == "CallStatus");
        form.AddRange([new("CallStatus", status), new("HangupCause", cause), new("Duration", "0"), new("RequestUUID", call.RequestUuid)]);
        using var request = HostileApps.Signed((string)call.Body["hangup_url"]!, form, Nonce());
        (await Api.SendAsync(request)).Dispose();
    }

    private async Task PostVerifyAsync(string number, string otp) =>
        await global::VoiceOtp.Tests.Infrastructure.Api.VerifyAsync(Api, number, otp);

    private static string Nonce() => System.Security.Cryptography.RandomNumberGenerator.GetString("0123456789", 20);

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
        await Plivo.DisposeAsync();
    }
}
