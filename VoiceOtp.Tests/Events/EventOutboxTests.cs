using Microsoft.Extensions.Options;
using VoiceOtp.Core.Events;
using VoiceOtp.Core.Redis;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Events;

// The outbox on its own, under a prefix per test that no app uses, so no pump takes the entries.
public sealed class EventOutboxTests
{
    private EventOutbox _outbox = null!;

    [SetUp]
    public void CreateOutbox() => _outbox = new EventOutbox(TestEnvironment.Redis.Connection,
        TestSettings.KeysFor($"outbox-{Guid.NewGuid():N}:"), Options.Create(new EventOptions()));

    private static SessionEvent Event(string session) =>
        SessionEvent.Create(SessionEvent.SessionVerified, session, null, "http://127.0.0.1/x", DateTimeOffset.UtcNow, "+44********01");

    private async Task<IReadOnlyList<OutboxEntry>> AppendAndClaimAsync(string session, DateTimeOffset now)
    {
        await _outbox.AppendAsync(Event(session));
        return await _outbox.ClaimAsync(now, TimeSpan.FromSeconds(30), 10);
    }

    [Test]
    public async Task Claim_HandsAnEntryOutAgain_WhenTheClaimingPumpDiedBeforeFinishing()
    {
        var now = DateTimeOffset.UtcNow;
        await _outbox.AppendAsync(Event("s1"));

        var first = await _outbox.ClaimAsync(now, TimeSpan.FromSeconds(30), 10);
        var whileLeased = await _outbox.ClaimAsync(now.AddSeconds(10), TimeSpan.FromSeconds(30), 10);
        var afterLease = await _outbox.ClaimAsync(now.AddSeconds(31), TimeSpan.FromSeconds(30), 10);

        Assert.That(first.Select(e => e.Id), Is.EqualTo(new[] { "s1.session.verified" }));
        Assert.That(whileLeased, Is.Empty, "another pump does not take a leased entry");
        Assert.That(afterLease.Select(e => e.Id), Is.EqualTo(new[] { "s1.session.verified" }), "nothing is lost");
    }

    [Test]
    public async Task Claim_HandsNothingOut_OnceTheEntryIsDone()
    {
        var now = DateTimeOffset.UtcNow;
        await _outbox.DoneAsync(await AppendAndClaimAsync("s2", now));

        Assert.That(await _outbox.ClaimAsync(now.AddMinutes(5), TimeSpan.FromSeconds(30), 10), Is.Empty);
    }

    [Test]
    public async Task Append_KeepsOneEntry_WhenTheSameEventIsAppendedTwice()
    {
        await _outbox.AppendAsync(Event("s3"));
        await _outbox.AppendAsync(Event("s3"));

        var claimed = await _outbox.ClaimAsync(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30), 10);

        Assert.That(claimed, Has.Count.EqualTo(1));
        Assert.That((await _outbox.FindAsync("s3.session.verified"))?.Body, Does.Contain("\"event\":\"session.verified\""));
    }

    [Test]
    public async Task Release_HandsAnEntryOutAtTheNextClaim_BeforeItsLeaseEnds()
    {
        var now = DateTimeOffset.UtcNow;
        var claimed = await AppendAndClaimAsync("s4", now);

        await _outbox.ReleaseAsync(claimed);

        Assert.That((await _outbox.ClaimAsync(now, TimeSpan.FromSeconds(30), 10)).Select(e => e.Id),
            Is.EqualTo(new[] { "s4.session.verified" }));
    }

    [Test]
    public async Task Release_BringsNothingBack_ThatIsDone()
    {
        var now = DateTimeOffset.UtcNow;
        var claimed = await AppendAndClaimAsync("s5", now);
        await _outbox.DoneAsync(claimed);

        await _outbox.ReleaseAsync(claimed);

        Assert.That(await _outbox.ClaimAsync(now, TimeSpan.FromSeconds(30), 10), Is.Empty);
    }
}
