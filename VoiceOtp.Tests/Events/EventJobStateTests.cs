using Hangfire;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using VoiceOtp.Core.Events;
using VoiceOtp.Core.Sessions;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Events;

// The Hangfire jobs tell the truth: each outcome ends in its own state, read back from Hangfire's
// storage through the monitoring API, with the real server running the jobs.
public sealed class EventJobStateTests
{
    private static VoiceOtpHost Host => TestEnvironment.Host;
    private static IBackgroundJobClient Jobs => Host.Services.GetRequiredService<IBackgroundJobClient>();

    [Test]
    public async Task DeliverEventJob_FailsAtOnce_WhenTheReceiverRefusesTheEvent()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        var url = TestEnvironment.Receiver.NewUrl();
        TestEnvironment.Receiver.FailNext(url, 410);
        var (_, body) = await Api.PostAsync(client, "/dispatch_otp", new { destination_number = number, callback_url = url });
        var eventId = (string)body["session_uuid"]! + ".call.ended.1";

        var history = await WaitForFinalStateAsync(() => FindJob(eventId));
        await TestEnvironment.Receiver.WaitForAsync(url, "call.ended");

        Assert.That(history[0].StateName, Is.EqualTo("Failed"));
        Assert.That(history[0].Data["ExceptionType"], Does.Contain(nameof(CallbackReceiverRefusedException)));
        Assert.That(history.Count(h => h.StateName == "Failed"), Is.EqualTo(1), "not retried");
        Assert.That(TestEnvironment.Receiver.ReceivedAt(url).Count(d => d.Event == "call.ended"), Is.EqualTo(1));
    }

    [Test]
    public async Task DeliverEventJob_IsRetriedAsReceiverFailed_WhenTheReceiverAnswers503()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        var url = TestEnvironment.Receiver.NewUrl();
        TestEnvironment.Receiver.FailNext(url, 503);
        var (_, body) = await Api.PostAsync(client, "/dispatch_otp", new { destination_number = number, callback_url = url });
        var eventId = (string)body["session_uuid"]! + ".call.ended.1";

        var history = await WaitForFinalStateAsync(() => FindJob(eventId));

        Assert.That(history[0].StateName, Is.EqualTo("Succeeded"));
        Assert.That(history.Single(h => h.StateName == "Failed").Data["ExceptionType"], Does.Contain(nameof(CallbackDeliveryException)));
        Assert.That(history.Select(h => h.StateName), Does.Contain("Scheduled"), "retried after a delay");
    }

    [Test]
    public async Task DeliverEventJob_FailsAtOnce_WhenTheEventIsNoLongerStored()
    {
        var jobId = Jobs.Enqueue<DeliverEventJob>(j => j.RunAsync(SessionId.New() + ".call.ended.1", CancellationToken.None));

        var history = await WaitForFinalStateAsync(() => jobId);

        Assert.That(history[0].StateName, Is.EqualTo("Failed"), "a job that delivered nothing is not green");
        Assert.That(history[0].Data["ExceptionType"], Does.Contain(nameof(EventGoneException)));
    }

    [Test]
    public async Task DeliverEventJob_FailsAtOnce_WhenTheHostIsNotAllowed()
    {
        var e = SessionEvent.Create(SessionEvent.SessionVerified, SessionId.New(), null, "https://hooks.other.test/voiceotp",
            DateTimeOffset.UtcNow, "+1415***0123");
        await Host.Services.GetRequiredService<EventOutbox>().AppendAsync(e);

        var history = await WaitForFinalStateAsync(() => FindJob(e.Id));

        Assert.That(history[0].StateName, Is.EqualTo("Failed"));
        Assert.That(history[0].Data["ExceptionType"], Does.Contain(nameof(CallbackHostNotAllowedException)));
        Assert.That(history.Count(h => h.StateName == "Failed"), Is.EqualTo(1), "not retried");
    }

    [Test]
    public async Task DeliverEventJob_EndsSkipped_WhenTheEventWasAlreadyDelivered()
    {
        using var client = Host.Client();
        var (number, session, url) = await EventFlow.DispatchAsync(client);
        await TestEnvironment.Receiver.WaitForAsync(url, "call.ended");
        var eventId = session + ".call.ended.1";
        await WaitForFinalStateAsync(() => FindJob(eventId));

        var again = Jobs.Enqueue<DeliverEventJob>(j => j.RunAsync(eventId, CancellationToken.None));
        var history = await WaitForFinalStateAsync(() => again);

        Assert.That(history[0].StateName, Is.EqualTo("Deleted"), "neither green nor red: there was nothing to do");
        Assert.That(history[0].Reason, Does.Contain("already delivered"));
        Assert.That(TestEnvironment.Receiver.ReceivedAt(url).Count(d => d.Event == "call.ended"), Is.EqualTo(1), number);
    }

    [Test]
    public async Task SessionExpiryJob_EndsSkipped_WhenTheSessionWasVerified()
    {
        using var client = Host.Client();
        var (number, session, _) = await EventFlow.DispatchAsync(client);
        var code = await SimulatorCalls.WaitForCodeAsync(client, number);
        await Api.VerifyAsync(client, number, code);

        var jobId = Jobs.Enqueue<SessionExpiryJob>(j => j.RunAsync(session, CancellationToken.None));
        var history = await WaitForFinalStateAsync(() => jobId);

        Assert.That(history[0].StateName, Is.EqualTo("Deleted"));
        Assert.That(history[0].Reason, Does.Contain("ended verified"));
    }

    [Test]
    public async Task SessionExpiryJob_IsRetried_WhileTheSessionIsStillPending()
    {
        using var client = Host.Client();
        var (_, session, _) = await EventFlow.DispatchAsync(client);

        var jobId = Jobs.Enqueue<SessionExpiryJob>(j => j.RunAsync(session, CancellationToken.None));
        var history = await WaitForAsync(() => jobId, h => h.Any(s => s.StateName == "Failed"));
        Jobs.Delete(jobId);

        Assert.That(history.Select(h => h.StateName), Has.None.EqualTo("Succeeded"), "a job that sent nothing is not green");
        Assert.That(history.First(h => h.StateName == "Failed").Data["ExceptionType"], Does.Contain(nameof(SessionNotExpiredYetException)));
        Assert.That(history[0].StateName, Is.EqualTo("Scheduled").Or.EqualTo("Enqueued").Or.EqualTo("Processing").Or.EqualTo("Failed"));
    }

    private static string? FindJob(string eventId)
    {
        var monitoring = Host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        bool Match(Hangfire.Common.Job? j) => j?.Type == typeof(DeliverEventJob) && (string)j.Args[0] == eventId;
        return monitoring.SucceededJobs(0, 2000).Where(j => Match(j.Value.Job)).Select(j => j.Key)
            .Concat(monitoring.FailedJobs(0, 2000).Where(j => Match(j.Value.Job)).Select(j => j.Key))
            .Concat(monitoring.ScheduledJobs(0, 2000).Where(j => Match(j.Value.Job)).Select(j => j.Key))
            .Concat(monitoring.ProcessingJobs(0, 2000).Where(j => Match(j.Value.Job)).Select(j => j.Key))
            .FirstOrDefault();
    }

    private static Task<IList<StateHistoryDto>> WaitForFinalStateAsync(Func<string?> jobId) =>
        WaitForAsync(jobId, h => h.Count > 0 && h[0].StateName is "Succeeded" or "Failed" or "Deleted");

    // Newest state first, as Hangfire keeps the history.
    private static async Task<IList<StateHistoryDto>> WaitForAsync(Func<string?> jobId, Func<IList<StateHistoryDto>, bool> done)
    {
        var monitoring = Host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        IList<StateHistoryDto> history = [];
        while (DateTime.UtcNow < deadline)
        {
            if (jobId() is { } id && monitoring.JobDetails(id) is { } details)
            {
                history = details.History;
                if (done(history))
                    return history;
            }
            await Task.Delay(100);
        }
        Assert.Fail("the job never reached the expected state: " + string.Join(" <- ", history.Select(h => h.StateName)));
        return history;
    }
}
