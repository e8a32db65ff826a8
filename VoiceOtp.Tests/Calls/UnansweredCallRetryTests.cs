using System.Net.Http.Json;
using System.Net;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using VoiceOtp.Core.Calls;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Calls;

public sealed class UnansweredCallRetryTests
{
    private static VoiceOtpHost Host => TestEnvironment.Host;

    [Test]
    public async Task UnansweredCall_IsRetriedByHangfire_AndTheRetrySpeaksTheSameSession()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        await client.PostAsJsonAsync("/simulator/unanswered", new { destination_number = number, calls = 1 });

        await Api.DispatchAsync(client, number);
        var calls = await SimulatorCalls.WaitForEndedAsync(client, number, 2);
        var code = SimulatorCalls.CodeIn((string?)calls[1]!["heard"]);

        Assert.That(calls, Has.Count.EqualTo(2));
        Assert.That((string?)calls[0]!["status"], Is.EqualTo("no-answer"));
        Assert.That((string?)calls[0]!["heard"], Is.Null);
        Assert.That((string?)calls[1]!["status"], Is.EqualTo("completed"));
        Assert.That((await Api.VerifyAsync(client, number, code)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task UnansweredCalls_StopAfterTheConfiguredRetries()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        await client.PostAsJsonAsync("/simulator/unanswered", new { destination_number = number, calls = 10 });

        await Api.DispatchAsync(client, number);
        var calls = await SimulatorCalls.WaitForEndedAsync(client, number, 3);
        await Task.Delay(2500);

        Assert.That(await SimulatorCalls.ListAsync(client, number), Has.Count.EqualTo(3), "one call plus two retries (RetryDelaysSeconds has two entries)");
        Assert.That(calls.Select(c => (string?)c!["status"]), Has.All.EqualTo("no-answer"));
    }

    [Test]
    public async Task PlaceCallJob_PlacesNoSecondCall_WhenRunAgainForTheSameAttempt()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        var (_, body) = await Api.DispatchAsync(client, number);
        await SimulatorCalls.WaitForEndedAsync(client, number, 1);

        await using var scope = Host.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<PlaceCallJob>();
        await job.RunAsync((string)body["session_uuid"]!, 1, "masked", CancellationToken.None);
        await job.RunAsync((string)body["session_uuid"]!, 1, "masked", CancellationToken.None);

        Assert.That(await SimulatorCalls.ListAsync(client, number), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task PlaceCallJob_DoesNothing_OnceTheSessionIsVerified()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        var (_, body) = await Api.DispatchAsync(client, number);
        var code = await SimulatorCalls.WaitForCodeAsync(client, number);
        await Api.VerifyAsync(client, number, code);

        await using var scope = Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlaceCallJob>().RunAsync((string)body["session_uuid"]!, 2, "masked", CancellationToken.None);

        Assert.That(await SimulatorCalls.ListAsync(client, number), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task DispatchJobs_CarryNeitherTheCodeNorTheFullNumber()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        var (_, body) = await Api.DispatchAsync(client, number);
        var code = await SimulatorCalls.WaitForCodeAsync(client, number);

        var monitoring = Host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var job = monitoring.SucceededJobs(0, 500).Select(j => j.Value.Job)
            .Single(j => j is not null && (string)j.Args[0] == (string)body["session_uuid"]!);

        Assert.That(job.Type, Is.EqualTo(typeof(PlaceCallJob)));
        Assert.That(job.Args.Select(a => a?.ToString() ?? ""), Has.None.Contains(code).And.None.Contains(number[1..]));
        Assert.That(job.Args[2], Is.EqualTo(number[..5] + "***" + number[^4..]));
    }
}
