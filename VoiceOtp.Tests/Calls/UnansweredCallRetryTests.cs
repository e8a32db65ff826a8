using System.Net.Http.Json;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Redis;
using VoiceOtp.Core.Sessions;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Calls;

public sealed class UnansweredCallRetryTests
{
    private static VoiceOtpHost Host => TestEnvironment.Host;

    [Test]
    public async Task UnansweredCall_IsRetriedFromTheCallQueue_AndTheRetrySpeaksTheSameSession()
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
    public async Task Pump_PlacesNoSecondCall_WhenAPlacedCallIsQueuedAgain()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        var (_, body) = await Api.DispatchAsync(client, number);
        await SimulatorCalls.WaitForEndedAsync(client, number, 1);

        await RequeueAndWaitAsync(Call(number, (string)body["session_uuid"]!, 1));

        Assert.That(await SimulatorCalls.ListAsync(client, number), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Pump_PlacesNothing_OnceTheSessionIsVerified()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        var (_, body) = await Api.DispatchAsync(client, number);
        var code = await SimulatorCalls.WaitForCodeAsync(client, number);
        await Api.VerifyAsync(client, number, code);

        await RequeueAndWaitAsync(Call(number, (string)body["session_uuid"]!, 2));

        Assert.That(await SimulatorCalls.ListAsync(client, number), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CallsPage_ShowsQueuedCalls_WithMaskedNumbersOnly()
    {
        var number = TestPhones.Next();
        var call = Call(number, SessionId.New(), 1);
        var keys = Host.Services.GetRequiredService<RedisKeys>();
        var db = TestEnvironment.Redis.Connection.GetDatabase();
        // The queue knows the number by its id only; the page takes the mask from the status record.
        PhoneNumber.TryParse(number, out var phone);
        // The dispatch script writes status records; of this one the page reads the mask ("m") only.
        await db.HashSetAsync(keys.SessionStatus(call.SessionId), "m", phone!.Masked);
        await db.KeyExpireAsync(keys.SessionStatus(call.SessionId), TimeSpan.FromMinutes(5));
        await db.SortedSetAddAsync(keys.ReadyCalls, CallQueue.Member(call), DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds());
        try
        {
            using var client = Host.AnonymousClient();
            var page = await client.GetStringAsync("/hangfire/calls");

            Assert.That(page, Does.Contain(phone!.Masked).And.Contain(call.SessionId));
            Assert.That(page, Does.Not.Contain(number).And.Not.Contain(number[1..]));
        }
        finally
        {
            await db.SortedSetRemoveAsync(keys.ReadyCalls, CallQueue.Member(call));
        }
    }

    [Test]
    public async Task CallsPage_ShowsEachCallsStateAndRecord_ForWaitingAndUncertainCalls()
    {
        var waiting = Call(TestPhones.Next(), SessionId.New(), 2);
        var uncertain = Call(TestPhones.Next(), SessionId.New(), 1);
        var keys = Host.Services.GetRequiredService<RedisKeys>();
        var db = TestEnvironment.Redis.Connection.GetDatabase();
        var later = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();
        var record = keys.Call(uncertain.Phone, uncertain.SessionId, 1);
        await db.SortedSetAddAsync(keys.ReadyCalls, CallQueue.Member(waiting), later);
        await db.HashSetAsync(record, [new("posted_at", later), new("uncertain", later)]);
        await db.KeyExpireAsync(record, TimeSpan.FromMinutes(5));
        await db.SortedSetAddAsync(keys.UncertainCalls, CallQueue.Member(uncertain), later);
        try
        {
            using var client = Host.AnonymousClient();
            var page = await client.GetStringAsync("/hangfire/calls");

            Assert.That(Row(page, waiting.SessionId), Does.StartWith("<tr><td>waiting</td>").And.EndWith("<td>none yet</td>"));
            Assert.That(Row(page, uncertain.SessionId), Does.StartWith("<tr><td>uncertain</td>").And.EndWith("<td>uncertain</td>"),
                "in the uncertain set, and its record says a request went out with no answer yet");
        }
        finally
        {
            await db.SortedSetRemoveAsync(keys.ReadyCalls, CallQueue.Member(waiting));
            await db.SortedSetRemoveAsync(keys.UncertainCalls, CallQueue.Member(uncertain));
            await db.KeyDeleteAsync(record);
        }
    }

    private static string Row(string page, string sessionId)
    {
        var at = page.IndexOf(sessionId, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThan(0), "the call is listed");
        var start = page.LastIndexOf("<tr>", at, StringComparison.Ordinal);
        return page[start..page.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    private static CallRef Call(string number, string sessionId, int call)
    {
        PhoneNumber.TryParse(number, out var phone);
        return new CallRef(Host.Services.GetRequiredService<RedisKeys>().PhoneId(phone!), sessionId, call);
    }

    // Puts a call back into the host's ready queue and waits until its pump has taken it out of the
    // queue again (claimed and settled).
    private static async Task RequeueAndWaitAsync(CallRef call)
    {
        var keys = Host.Services.GetRequiredService<RedisKeys>();
        var db = TestEnvironment.Redis.Connection.GetDatabase();
        var member = CallQueue.Member(call);
        await db.SortedSetAddAsync(keys.ReadyCalls, member, 0);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var tx = db.CreateTransaction();
            var scores = new[] { keys.ReadyCalls, keys.LeasedCalls, keys.PostingCalls }
                .Select(k => tx.SortedSetScoreAsync(k, member)).ToArray();
            await tx.ExecuteAsync();
            if ((await Task.WhenAll(scores)).All(s => s is null))
                return;
            await Task.Delay(50);
        }
        Assert.Fail("the pump never took the call out of the queue");
    }
}
