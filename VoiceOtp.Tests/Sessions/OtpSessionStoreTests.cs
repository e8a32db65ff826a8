using StackExchange.Redis;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Sessions;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Sessions;

public sealed class OtpSessionStoreTests
{
    private readonly SessionFixture _f = new();
    private IDatabase Db => TestEnvironment.Redis.Connection.GetDatabase();

    [Test]
    public async Task OpenOrJoin_JoinsThePendingSession_WithoutExtendingOrResetting()
    {
        var (phone, code, opened) = await _f.OpenAsync(ttl: TimeSpan.FromSeconds(60));
        await _f.Verifier.VerifyByNumberAsync(phone, SessionFixture.WrongCode(code));
        var ttlBefore = await Db.KeyTimeToLiveAsync(_f.Keys.Session(phone));

        var again = await _f.Store.OpenOrJoinAsync(phone, new NewSession(SessionId.New(), "other-digest", "other-sealed",
            TimeSpan.FromHours(1), 5, 3, DateTimeOffset.UtcNow.AddHours(1), "Other"));

        Assert.That(again.Status, Is.EqualTo(DispatchStatus.Joined));
        Assert.That(again.Id, Is.EqualTo(opened.Id));
        Assert.That(again.ExpiresAt, Is.EqualTo(opened.ExpiresAt));
        Assert.That(again.CallNumber, Is.EqualTo(2));
        Assert.That(await Db.KeyTimeToLiveAsync(_f.Keys.Session(phone)), Is.LessThanOrEqualTo(ttlBefore!.Value));
        var next = await _f.Verifier.VerifyByNumberAsync(phone, SessionFixture.WrongCode(code));
        Assert.That(next, Is.EqualTo(new VerifyOutcome(VerifyStatus.Rejected, 3, null)), "the wrong-attempt count carries over");
        Assert.That((await _f.Verifier.VerifyByNumberAsync(phone, code)).Status, Is.EqualTo(VerifyStatus.Verified), "the first code still holds");
    }

    [Test]
    public async Task OpenOrJoin_KeepsTheNumberOfTheFirstOpen_WhenJoined()
    {
        var (phone, _, opened) = await _f.OpenAsync(ttl: TimeSpan.FromSeconds(60));
        var joining = SessionId.New();

        await _f.Store.OpenOrJoinAsync(phone, new NewSession(joining, "d", "s", TimeSpan.FromHours(1), 5, 3,
            DateTimeOffset.UtcNow.AddHours(1), "A"));

        Assert.That(await _f.Store.FindPhoneAsync(opened.Id), Is.EqualTo(phone));
        Assert.That(await _f.Store.FindPhoneAsync(joining), Is.Null, "a join's unused id names no number");
        var sealedNumber = (string?)await Db.HashGetAsync(_f.Keys.Session(phone), "number");
        Assert.That(_f.Phones.TryUnseal(opened.Id, sealedNumber, out _), Is.True, "the number is still sealed for the first id");
        Assert.That(await Db.KeyTimeToLiveAsync(_f.Keys.Session(phone)), Is.LessThanOrEqualTo(TimeSpan.FromSeconds(60)),
            "the number expires with the session");
    }

    [Test]
    public async Task OpenOrJoin_RefusesMoreCalls_ThanTheSessionAllows()
    {
        var (phone, _, _) = await _f.OpenAsync(maxCalls: 2);
        var fresh = new NewSession(SessionId.New(), "d", "s", TimeSpan.FromMinutes(1), 5, 2, DateTimeOffset.UtcNow, "A");

        var second = await _f.Store.OpenOrJoinAsync(phone, fresh);
        var third = await _f.Store.OpenOrJoinAsync(phone, fresh);

        Assert.That(second.Status, Is.EqualTo(DispatchStatus.Joined));
        Assert.That(third.Status, Is.EqualTo(DispatchStatus.CallLimitReached));
    }

    [Test]
    public async Task OpenOrJoin_KeepsTheNumberLocked_UntilTheLockedSessionExpires()
    {
        var (phone, code, opened) = await _f.OpenAsync(maxAttempts: 1);
        await _f.Verifier.VerifyByNumberAsync(phone, SessionFixture.WrongCode(code));

        var again = await _f.Store.OpenOrJoinAsync(phone, new NewSession(SessionId.New(), "d", "s",
            TimeSpan.FromMinutes(1), 5, 3, DateTimeOffset.UtcNow, "A"));

        Assert.That(again.Status, Is.EqualTo(DispatchStatus.Locked));
        Assert.That(again.Id, Is.EqualTo(opened.Id));
    }

    [Test]
    public async Task OpenOrJoin_StartsANewSession_AfterTheLastOneWasVerified()
    {
        var (phone, code, opened) = await _f.OpenAsync();
        await _f.Verifier.VerifyByNumberAsync(phone, code);

        var next = await _f.Store.OpenOrJoinAsync(phone, new NewSession(SessionId.New(), "d", "s",
            TimeSpan.FromMinutes(1), 5, 3, DateTimeOffset.UtcNow, "A"));

        Assert.That(next.Status, Is.EqualTo(DispatchStatus.Opened));
        Assert.That(next.Id, Is.Not.EqualTo(opened.Id));
    }

    [Test]
    public async Task Session_KeysFollowTheSchema_ExpireAndHoldNoPlainCodeOrNumber()
    {
        var (phone, code, opened) = await _f.OpenAsync(ttl: TimeSpan.FromSeconds(90));

        var phoneId = _f.Keys.PhoneId(phone).Value;
        var sessionKey = $"{_f.Keys.Prefix}session:{phoneId}";
        var fields = (await Db.HashGetAllAsync(sessionKey)).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());

        Assert.That(fields.Keys, Is.EquivalentTo(new[]
            { "id", "digest", "sealed", "attempts", "max_attempts", "status", "calls", "retries", "expires_at", "brand",
                "last_call_at", "resends", "number" }));
        Assert.That(fields.Values, Has.None.Contains(code.Reveal()));
        Assert.That(phoneId, Does.Match("^[0-9a-f]{32}$"), "a number is named by 128 bits of its keyed HMAC");
        Assert.That(_f.Keys.Session(phone), Is.EqualTo(sessionKey));
        var sealedNumber = fields["number"];
        Assert.That(sealedNumber, Does.Not.Contain(phone.E164[1..]), "the session holds the number sealed");
        Assert.That(_f.Phones.TryUnseal(opened.Id, sealedNumber, out var opens) && opens!.Equals(phone), Is.True);
        Assert.That(_f.Phones.TryUnseal("another-session", sealedNumber, out _), Is.False, "bound to its session id");
        Assert.That(await Db.KeyTimeToLiveAsync(sessionKey), Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromSeconds(90)));
    }

    [Test]
    public async Task Lock_RemovesTheCodeMaterial()
    {
        var (phone, code, _) = await _f.OpenAsync(maxAttempts: 1);

        await _f.Verifier.VerifyByNumberAsync(phone, SessionFixture.WrongCode(code));

        var fields = (await Db.HashGetAllAsync(_f.Keys.Session(phone))).Select(e => e.Name.ToString());
        Assert.That(fields, Does.Not.Contain("digest").And.Not.Contain("sealed"));
        Assert.That(await Db.KeyTimeToLiveAsync(_f.Keys.Session(phone)), Is.GreaterThan(TimeSpan.Zero));
    }

    // verify-code.lua writes the attempts left into the status record without checking for it first;
    // a session opened without one (StatusRetentionSeconds 0) must not be left with a stray hash.
    [Test]
    public async Task WrongCode_LeavesNoStatusRecord_WhenTheSessionWasOpenedWithoutOne()
    {
        PhoneNumber.TryParse(TestPhones.Next(), out var phone);
        var code = OtpCodeGenerator.Generate(6);
        var id = SessionId.New();
        var ttl = TimeSpan.FromMinutes(5);
        await _f.Store.OpenOrJoinAsync(phone!, new NewSession(id, _f.Hasher.Hash(phone!.E164, code), _f.Sealer.Seal(id, code),
            ttl, 5, 3, DateTimeOffset.UtcNow + ttl, "Acme"));

        var outcome = await _f.Verifier.VerifyByNumberAsync(phone, SessionFixture.WrongCode(code));

        Assert.That(outcome.Status, Is.EqualTo(VerifyStatus.Rejected));
        Assert.That(outcome.AttemptsRemaining, Is.EqualTo(4));
        Assert.That(await Db.KeyExistsAsync(_f.Keys.SessionStatus(id)), Is.False);
    }
}
