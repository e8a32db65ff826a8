using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceOtp.Core;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Redis;
using VoiceOtp.Core.Sessions;
using VoiceOtp.Tests.Events;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.PublicApi;

public sealed class SessionStatusTests
{
    private static VoiceOtpHost Host => TestEnvironment.Host;

    private static string Wrong(string code) => (code[0] == '9' ? "0" : ((char)(code[0] + 1)).ToString()) + code[1..];

    private static async Task<(string Number, string Session, string Code)> AnsweredAsync(HttpClient client)
    {
        var number = TestPhones.Next();
        var (_, body) = await Api.DispatchAsync(client, number);
        var code = await SimulatorCalls.WaitForCodeAsync(client, number);
        return (number, (string)body["session_uuid"]!, code);
    }

    [Test]
    public async Task Status_IsPending_WithTheAnsweredCall_BeforeVerify()
    {
        using var client = Host.Client();
        var (number, session, code) = await AnsweredAsync(client);
        await Api.VerifyAsync(client, number, Wrong(code));
        await SimulatorCalls.WaitForEndedAsync(client, number, 1);

        var (status, body) = await Api.GetAsync(client, $"/sessions/{session}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)body["status"], Is.EqualTo("success"));
        Assert.That((string?)body["session_status"], Is.EqualTo("pending"));
        Assert.That((string?)body["destination_number_masked"], Is.EqualTo(TestPhones.Masked(number)));
        Assert.That((int?)body["verify_attempts_used"], Is.EqualTo(1));
        Assert.That((int?)body["verify_attempts_left"], Is.EqualTo(4));
        Assert.That(body["created_at"], Is.Not.Null);
        Assert.That(body["expires_at"], Is.Not.Null);
        var call = body["calls"]!.AsArray().Single()!;
        Assert.That((int?)call["call_number"], Is.EqualTo(1));
        Assert.That((string?)call["outcome"], Is.EqualTo("heard"), "the simulated callee listens to the end");
        Assert.That((string?)call["hangup_cause"], Is.EqualTo("NORMAL_CLEARING"));
        Assert.That((int?)call["duration"], Is.EqualTo(18));
        Assert.That((int?)call["bill_duration"], Is.EqualTo(18));
        Assert.That(body.ToJsonString(), Does.Not.Contain(code).And.Not.Contain(number[1..]));
    }

    [Test]
    public async Task Status_IsVerified_AndTheCodeMaterialIsGone_AfterVerify()
    {
        using var client = Host.Client();
        var (number, session, code) = await AnsweredAsync(client);
        await Api.VerifyAsync(client, number, code);

        var (_, body) = await Api.GetAsync(client, $"/sessions/{session}");
        PhoneNumber.TryParse(number, out var phone);
        var fields = await TestEnvironment.Redis.Connection.GetDatabase()
            .HashGetAllAsync($"{Host.KeyPrefix}{{{phone!.E164}}}:session");

        Assert.That((string?)body["session_status"], Is.EqualTo("verified"));
        Assert.That(body["ended_at"], Is.Not.Null);
        Assert.That(fields.Select(f => (string)f.Name!), Has.None.EqualTo("digest").And.None.EqualTo("sealed"));
    }

    [Test]
    public async Task Status_StaysReadable_AfterANewSessionForTheSameNumber()
    {
        using var client = Host.Client();
        var (number, session, code) = await AnsweredAsync(client);
        await Api.VerifyAsync(client, number, code);
        var (_, next) = await Api.DispatchAsync(client, number);

        var (_, body) = await Api.GetAsync(client, $"/sessions/{session}");
        var (_, fresh) = await Api.GetAsync(client, $"/sessions/{next["session_uuid"]}");

        Assert.That((string?)body["session_status"], Is.EqualTo("verified"));
        Assert.That(body["calls"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That((string?)fresh["session_status"], Is.EqualTo("pending"));
    }

    [Test]
    public async Task Status_IsLocked_AfterMaxWrongCodes()
    {
        using var client = Host.Client();
        var (number, session, code) = await AnsweredAsync(client);
        for (var i = 0; i < 5; i++)
            await Api.VerifyAsync(client, number, Wrong(code));

        var (_, body) = await Api.GetAsync(client, $"/sessions/{session}");

        Assert.That((string?)body["session_status"], Is.EqualTo("locked"));
        Assert.That((int?)body["verify_attempts_used"], Is.EqualTo(5));
        Assert.That((int?)body["verify_attempts_left"], Is.EqualTo(0));
    }

    // A dispatcher with a 3-second code lifetime, built from the app's own services: the
    // configured minimum lifetime is 10 s, and the test should not wait that long.
    [Test]
    public async Task Status_IsExpired_AndSessionExpiredIsSent_AfterTheExpiryTime()
    {
        using var client = Host.Client();
        var number = TestPhones.Next();
        var url = TestEnvironment.Receiver.NewUrl();
        var options = new VoiceOtpOptions();
        Host.Services.GetRequiredService<IConfiguration>().GetSection(VoiceOtpOptions.Section).Bind(options);
        options.CodeTtlSeconds = 3;
        await using var scope = Host.Services.CreateAsyncScope();
        var dispatcher = ActivatorUtilities.CreateInstance<OtpDispatcher>(scope.ServiceProvider, Options.Create(options));
        PhoneNumber.TryParse(number, out var phone);
        var opened = await dispatcher.DispatchAsync(phone!, null, new VoiceOtp.Core.Guards.RequestOrigin("status-test"), new Uri(url));
        var code = await SimulatorCalls.WaitForCodeAsync(client, number);

        var expired = await EventFlow.WaitForEventAsync(url, "session.expired", number, code);
        var (_, body) = await Api.GetAsync(client, $"/sessions/{opened.SessionId}");

        Assert.That((string?)expired["session_uuid"], Is.EqualTo(opened.SessionId));
        Assert.That((int?)expired["calls"], Is.EqualTo(1));
        Assert.That((string?)body["session_status"], Is.EqualTo("expired"));
        Assert.That((string?)body["calls"]![0]!["outcome"], Is.EqualTo("heard"), "ended calls outlive the session");
        Assert.That((await Api.VerifyAsync(client, number, code)).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Status_Returns404_ForAnUnknownSession_And400_ForAMalformedId()
    {
        using var client = Host.Client();

        var (unknown, body) = await Api.GetAsync(client, $"/sessions/{Guid.NewGuid()}");
        var (malformed, _) = await Api.GetAsync(client, "/sessions/not-a-uuid");

        Assert.That(unknown, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((string?)body["status"], Is.EqualTo("not_found"));
        Assert.That(malformed, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Status_Returns401_WithoutApiKey()
    {
        using var client = Host.AnonymousClient();

        using var response = await client.GetAsync($"/sessions/{Guid.NewGuid()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    // The retention cost: the status record plus one ended call hash per call.
    [Test]
    public async Task StatusRecord_StaysSmall_ForARetainedSession()
    {
        using var client = Host.Client();
        var (number, session, code) = await AnsweredAsync(client);
        await Api.VerifyAsync(client, number, code);
        await SimulatorCalls.WaitForEndedAsync(client, number, 1);
        PhoneNumber.TryParse(number, out var phone);
        var db = TestEnvironment.Redis.Connection.GetDatabase();

        var keys = Host.Services.GetRequiredService<RedisKeys>();
        var record = (long)await db.ExecuteAsync("MEMORY", "USAGE", keys.SessionStatus(session));
        var call = (long)await db.ExecuteAsync("MEMORY", "USAGE", keys.Call(keys.PhoneId(phone!), session, 1));
        TestContext.Out.WriteLine($"status record {record} bytes, ended call {call} bytes");

        Assert.That(record, Is.GreaterThan(0).And.LessThan(300));
        Assert.That(call, Is.GreaterThan(0).And.LessThan(500), "gate digit, readings and heard add about 100 bytes");
    }
}
