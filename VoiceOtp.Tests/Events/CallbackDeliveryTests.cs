using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using VoiceOtp.Core.Events;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Events;

public sealed class CallbackDeliveryTests
{
    private static VoiceOtpHost Host => TestEnvironment.Host;

    private static string Wrong(string code) => (code[0] == '9' ? "0" : ((char)(code[0] + 1)).ToString()) + code[1..];

    [Test]
    public async Task Callback_DeliversSignedCallEndedAndVerified_WhenTheCodeIsVerified()
    {
        using var client = Host.Client();
        var (number, session, url) = await EventFlow.DispatchAsync(client);
        var code = await SimulatorCalls.WaitForCodeAsync(client, number);
        var ended = await EventFlow.WaitForEventAsync(url, "call.ended", number, code);
        await Api.VerifyAsync(client, number, Wrong(code));
        Assert.That((await Api.VerifyAsync(client, number, code)).Status, Is.EqualTo(HttpStatusCode.OK));

        var verified = await EventFlow.WaitForEventAsync(url, "session.verified", number, code);

        Assert.That((string?)ended["session_uuid"], Is.EqualTo(session));
        Assert.That((string?)ended["outcome"], Is.EqualTo("heard"), "the simulated callee listens to the end");
        Assert.That((string?)ended["hangup_cause"], Is.EqualTo("NORMAL_CLEARING"));
        Assert.That((int?)ended["duration"], Is.EqualTo(18));
        Assert.That((int?)ended["bill_duration"], Is.EqualTo(18));
        Assert.That((int?)ended["call_number"], Is.EqualTo(1));
        Assert.That((string?)verified["session_uuid"], Is.EqualTo(session));
        Assert.That((string?)verified["event_id"], Is.EqualTo(session + ".session.verified"));
        Assert.That((int?)verified["attempts_used"], Is.EqualTo(1));
        Assert.That(DateTimeOffset.Parse((string)verified["occurred_at"]!), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public async Task Callback_IsRetried_AfterTheReceiverAnswers500()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        var url = TestEnvironment.Receiver.NewUrl();
        TestEnvironment.Receiver.FailNext(url, 500);
        await Api.PostAsync(client, "/dispatch_otp", new { destination_number = number, callback_url = url });

        await EventFlow.WaitForEventAsync(url, "call.ended", number, count: 2);

        var deliveries = TestEnvironment.Receiver.ReceivedAt(url).Where(d => d.Event == "call.ended").ToList();
        Assert.That(deliveries.Select(d => d.EventId).Distinct().Count(), Is.EqualTo(1), "the same event, delivered again");
        Assert.That(deliveries[1].At, Is.GreaterThan(deliveries[0].At));
    }

    [Test]
    public async Task Callback_ReportsLocked_AfterMaxWrongCodes()
    {
        using var client = Host.Client();
        var (number, session, url) = await EventFlow.DispatchAsync(client);
        var code = await SimulatorCalls.WaitForCodeAsync(client, number);
        for (var i = 0; i < 6; i++)
            await Api.VerifyAsync(client, number, Wrong(code));

        var locked = await EventFlow.WaitForEventAsync(url, "session.locked", number, code);

        Assert.That((string?)locked["session_uuid"], Is.EqualTo(session));
        Assert.That((int?)locked["attempts_used"], Is.EqualTo(5));
        Assert.That(TestEnvironment.Receiver.ReceivedAt(url).Count(d => d.Event == "session.locked"), Is.EqualTo(1),
            "a verify against a locked session appends no second event");
    }

    [Test]
    public async Task Callback_ReportsFailed_WhenNoCallIsAnsweredAndNoRetryIsLeft()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        await client.PostAsJsonAsync("/simulator/unanswered", new { destination_number = number, calls = 10 });
        var (_, session, url) = await EventFlow.DispatchAsync(client, number);

        var failed = await EventFlow.WaitForEventAsync(url, "session.failed", number);
        var ended = await EventFlow.WaitForEventAsync(url, "call.ended", number, count: 3);

        Assert.That((string?)failed["reason"], Is.EqualTo("not_answered"));
        Assert.That((int?)failed["calls"], Is.EqualTo(3), "one call and the two configured retries");
        Assert.That((string?)ended["outcome"], Is.EqualTo("no_answer"));
        Assert.That((string?)ended["hangup_cause"], Is.EqualTo("NO_ANSWER"));
        var (_, status) = await Api.GetAsync(client, $"/sessions/{session}");
        Assert.That((string?)status["session_status"], Is.EqualTo("failed"));
    }

    [Test]
    public async Task Callback_IsNotSent_WhenTheDispatchGaveNoUrl()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        var url = TestEnvironment.Receiver.NewUrl();
        await Api.DispatchAsync(client, number);
        // A join names a URL, but only the dispatch that opened the session sets it.
        await Api.PostAsync(client, "/dispatch_otp", new { destination_number = number, callback_url = url });
        var code = await SimulatorCalls.WaitForCodeAsync(client, number, 2);
        await Api.VerifyAsync(client, number, code);

        var probe = await EventFlow.DispatchAsync(client);
        await TestEnvironment.Receiver.WaitForAsync(probe.Url, "call.ended");

        Assert.That(TestEnvironment.Receiver.ReceivedAt(url), Is.Empty);
    }

    [Test]
    public async Task DeliveryJobs_CarryOnlyTheEventId()
    {
        using var client = Host.Client();
        var (number, session, url) = await EventFlow.DispatchAsync(client);
        var code = await SimulatorCalls.WaitForCodeAsync(client, number);
        await EventFlow.WaitForEventAsync(url, "call.ended", number, code);

        var monitoring = Host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var job = monitoring.SucceededJobs(0, 1000).Select(j => j.Value.Job)
            .First(j => j?.Type == typeof(DeliverEventJob) && (string)j.Args[0] == session + ".call.ended.1");

        Assert.That(job.Args.Select(a => a?.ToString() ?? ""), Has.None.Contains(code).And.None.Contains(number[1..]).And.None.Contains(url));
    }
}
