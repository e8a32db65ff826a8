using System.Security.Cryptography;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Guards;
using VoiceOtp.Core.Sessions;
using VoiceOtp.Tests.Infrastructure;
using PhoneNumber = VoiceOtp.Core.Phones.PhoneNumber;

namespace VoiceOtp.Tests.Sessions;

// Admission and the session in one script (RedisScripts.AdmitAndOpenSession), as OtpDispatcher runs them.
public sealed class AdmitAndOpenSessionTests
{
    [Test]
    public async Task ARefusedAdmission_OpensNoSession_QueuesNoCall_AndSaysWhy()
    {
        var s = new SessionFixture();
        var codeKeys = new CodeKeys(RandomNumberGenerator.GetBytes(32));
        var options = new GuardOptions { DispatchesPerNumberPerHour = 2 };
        var filler = new GuardFixture(options, s.Keys, codeKeys);
        // Another instance, which has not yet seen the window full: only the script can refuse.
        var guards = new GuardFixture(options, s.Keys, codeKeys);
        var phone = Phone();
        for (var i = 0; i < 2; i++)
            Assert.That(await filler.Admission.AdmitDispatchAsync(phone, GuardFixture.Origin()), Is.Null);
        var check = guards.Admission.PrepareDispatch(phone, GuardFixture.Origin());
        Assert.That(check.Remembered, Is.Null);

        var opened = await s.Store.OpenOrJoinAsync(phone, NewSession(s, phone), admission: check);

        Assert.That(opened.Status, Is.EqualTo(DispatchStatus.Refused));
        var refusal = guards.Admission.Interpret(check, opened.AdmissionAnswer!);
        Assert.That(refusal?.Kind, Is.EqualTo(RefusalKind.RateLimited));
        Assert.That(refusal!.Message, Does.Contain("2 dispatches per hour to this number"));
        var db = TestEnvironment.Redis.Connection.GetDatabase();
        Assert.That(await db.KeyExistsAsync(s.Keys.Session(phone)), Is.False, "no session");
        Assert.That(await db.SortedSetLengthAsync(s.Keys.ReadyCalls), Is.Zero, "no call queued");
        Assert.That(guards.Admission.PrepareDispatch(phone, GuardFixture.Origin()).Remembered, Is.Not.Null,
            "the window the script found full is remembered");
    }

    [Test]
    public async Task AnAdmittedDispatch_IsCountedAndOpensTheSessionWithItsCall()
    {
        var s = new SessionFixture();
        var guards = new GuardFixture(new GuardOptions { DispatchesPerNumberPerHour = 1, DispatchesPerApiKeyPerMinute = 1 }, s.Keys);
        var phone = Phone();
        var origin = GuardFixture.Origin();

        var opened = await s.Store.OpenOrJoinAsync(phone, NewSession(s, phone), admission: guards.Admission.PrepareDispatch(phone, origin));

        Assert.That(opened.Status, Is.EqualTo(DispatchStatus.Opened));
        Assert.That(opened.AdmissionAnswer, Is.Null);
        var db = TestEnvironment.Redis.Connection.GetDatabase();
        Assert.That(await db.HashGetAsync(s.Keys.Session(phone), "id"), Is.EqualTo((StackExchange.Redis.RedisValue)opened.Id));
        Assert.That(await db.SortedSetLengthAsync(s.Keys.ReadyCalls), Is.EqualTo(1));
        Assert.That((await guards.Admission.AdmitDispatchAsync(phone, GuardFixture.Origin()))?.Kind, Is.EqualTo(RefusalKind.RateLimited),
            "the dispatch was counted in the number's window");
        Assert.That((await guards.Admission.AdmitDispatchAsync(Phone(), origin))?.Message, Does.Contain("API key"),
            "and in the API key's");
    }

    private static PhoneNumber Phone()
    {
        PhoneNumber.TryParse(TestPhones.Next(), out var phone);
        return phone!;
    }

    private static NewSession NewSession(SessionFixture s, PhoneNumber phone)
    {
        var code = OtpCodeGenerator.Generate(6);
        var id = SessionId.New();
        var ttl = TimeSpan.FromMinutes(5);
        return new NewSession(id, s.Hasher.Hash(phone.E164, code), s.Sealer.Seal(id, code), ttl, 5, 3, DateTimeOffset.UtcNow + ttl, "Acme");
    }
}
