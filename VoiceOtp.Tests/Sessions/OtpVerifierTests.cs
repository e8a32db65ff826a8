using VoiceOtp.Core.Sessions;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Sessions;

public sealed class OtpVerifierTests
{
    private readonly SessionFixture _f = new();

    [Test]
    public async Task Verify_SucceedsOnce_WhenTheCodeMatches()
    {
        var (phone, code, session) = await _f.OpenAsync();

        var first = await _f.Verifier.VerifyByNumberAsync(phone, code);
        var second = await _f.Verifier.VerifyByNumberAsync(phone, code);

        Assert.That(first, Is.EqualTo(new VerifyOutcome(VerifyStatus.Verified, 0, session.Id)));
        Assert.That(second.Status, Is.EqualTo(VerifyStatus.NotFound));
    }

    [Test]
    public async Task Verify_BySessionId_WorksAndRejectsAnotherSessionsId()
    {
        var (_, code, session) = await _f.OpenAsync();
        var (_, _, other) = await _f.OpenAsync();

        Assert.That((await _f.Verifier.VerifyBySessionAsync(other.Id, code)).Status, Is.EqualTo(VerifyStatus.Rejected));
        Assert.That((await _f.Verifier.VerifyBySessionAsync(SessionId.New(), code)).Status, Is.EqualTo(VerifyStatus.NotFound));
        Assert.That((await _f.Verifier.VerifyBySessionAsync(session.Id, code)).Status, Is.EqualTo(VerifyStatus.Verified));
    }

    [Test]
    public async Task Verify_GivesExactlyOneSuccess_WhenManyCorrectVerifiesRace()
    {
        var (phone, code, _) = await _f.OpenAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => _f.Verifier.VerifyByNumberAsync(phone, code))));

        Assert.That(outcomes.Count(o => o.Status == VerifyStatus.Verified), Is.EqualTo(1));
        Assert.That(outcomes.Count(o => o.Status == VerifyStatus.NotFound), Is.EqualTo(49));
    }

    [Test]
    public async Task Verify_CountsDownThenLocks_AfterMaxWrongAttempts()
    {
        var (phone, code, _) = await _f.OpenAsync(maxAttempts: 3);
        var wrong = SessionFixture.WrongCode(code);

        var first = await _f.Verifier.VerifyByNumberAsync(phone, wrong);
        var second = await _f.Verifier.VerifyByNumberAsync(phone, wrong);
        var third = await _f.Verifier.VerifyByNumberAsync(phone, wrong);
        var right = await _f.Verifier.VerifyByNumberAsync(phone, code);

        Assert.That(first, Is.EqualTo(new VerifyOutcome(VerifyStatus.Rejected, 2, null)));
        Assert.That(second, Is.EqualTo(new VerifyOutcome(VerifyStatus.Rejected, 1, null)));
        Assert.That(third.Status, Is.EqualTo(VerifyStatus.Locked));
        Assert.That(right.Status, Is.EqualTo(VerifyStatus.Locked), "the right code must fail once the session is locked");
    }

    [Test]
    public async Task Verify_LocksExactlyAtTheLimit_WhenWrongGuessesRace()
    {
        var (phone, code, _) = await _f.OpenAsync(maxAttempts: 5);
        var wrong = SessionFixture.WrongCode(code);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => _f.Verifier.VerifyByNumberAsync(phone, wrong))));

        Assert.That(outcomes.Count(o => o.Status == VerifyStatus.Rejected), Is.EqualTo(4));
        Assert.That(outcomes.Count(o => o.Status == VerifyStatus.Locked), Is.EqualTo(36));
        Assert.That((await _f.Verifier.VerifyByNumberAsync(phone, code)).Status, Is.EqualTo(VerifyStatus.Locked));
    }

    [Test]
    public async Task Verify_ReturnsNotFound_AfterTheSessionExpired()
    {
        var (phone, code, _) = await _f.OpenAsync(ttl: TimeSpan.FromMilliseconds(300));

        await Task.Delay(700);

        Assert.That((await _f.Verifier.VerifyByNumberAsync(phone, code)).Status, Is.EqualTo(VerifyStatus.NotFound));
    }
}
