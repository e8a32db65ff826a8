using VoiceOtp.Core.Plivo;
using StackExchange.Redis;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Sessions;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Calls;

// The call queue's scripts against the real redis-server, under a key prefix of this fixture's own
// (no pump drains it), so every state change is observed directly.
public sealed class CallQueueTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private SessionFixture _f = null!;
    private CallQueue Queue => new(TestEnvironment.Redis.Connection, _f.Keys);
    private CallStore Calls => new(TestEnvironment.Redis.Connection, _f.Keys);
    private IDatabase Db => TestEnvironment.Redis.Connection.GetDatabase();

    // A fresh key prefix per test, so that each test has a call queue of its own.
    [SetUp]
    public void NewKeyspace() => _f = new SessionFixture();

    [Test]
    public async Task Dispatch_QueuesTheFirstCall_DueNow()
    {
        var (phone, _, session) = await _f.OpenAsync();

        var batch = await Queue.ClaimAsync(10, Lease, 0);

        Assert.That(batch.Calls, Is.EqualTo(new[] { _f.Call(phone, session.Id, 1) }));
        Assert.That(await Db.SortedSetLengthAsync(_f.Keys.ReadyCalls), Is.Zero);
        Assert.That(await Db.SortedSetLengthAsync(_f.Keys.LeasedCalls), Is.EqualTo(1));
    }

    [Test]
    public async Task Claim_DropsAMemberNamedByAPlainNumber_InsteadOfLeasingItForever()
    {
        await Db.SortedSetAddAsync(_f.Keys.ReadyCalls, $"{SessionId.New()}:1:{TestPhones.Next()}", 0);

        var batch = await Queue.ClaimAsync(10, TimeSpan.Zero, 0);

        Assert.That(batch.Calls, Is.Empty);
        Assert.That(await Db.SortedSetLengthAsync(_f.Keys.LeasedCalls), Is.Zero, "nothing returns it to ready");
        Assert.That(await Db.SortedSetLengthAsync(_f.Keys.ReadyCalls), Is.Zero);
    }

    [Test]
    public async Task Start_PutsThePostingMark_AndStoresOnlyTheTokenDigest()
    {
        var (phone, _, session) = await _f.OpenAsync();
        var call = (await Queue.ClaimAsync(10, Lease, 0)).Calls.Single();

        var (claim, token, _, _) = await Queue.StartAsync(call, Lease);

        Assert.That(claim, Is.EqualTo(CallClaim.Claimed));
        Assert.That(await Db.SortedSetScoreAsync(_f.Keys.PostingCalls, CallQueue.Member(call)), Is.Not.Null);
        Assert.That(await Db.SortedSetLengthAsync(_f.Keys.LeasedCalls), Is.Zero);
        Assert.That(await Calls.FindAsync(token), Is.EqualTo(_f.Call(phone, session.Id, 1)));
        Assert.That((string?)await Db.HashGetAsync(_f.Keys.Call(_f.Keys.PhoneId(phone), session.Id, 1), "token"),
            Is.EqualTo(CallToken.Digest(token)).And.Not.Contains(token), "the record keeps the digest, not the token");
        Assert.That((await Db.KeyTimeToLiveAsync(_f.Keys.Call(_f.Keys.PhoneId(phone), session.Id, 1))).HasValue, Is.True, "every key has a TTL");
        Assert.That(await Calls.FindAsync(TestTokens.Unknown()), Is.Null);
    }

    [Test]
    public async Task Claim_ReturnsAnExpiredLease_ToTheReadyQueue_WhenNoRequestWasSent()
    {
        var (phone, _, session) = await _f.OpenAsync();
        var first = await Queue.ClaimAsync(10, TimeSpan.Zero, 0);

        var again = await Queue.ClaimAsync(10, Lease, 0);

        Assert.That(first.Calls, Has.Count.EqualTo(1));
        Assert.That(again.Calls, Is.EqualTo(first.Calls), "a process killed before posting loses no call");
    }

    [Test]
    public async Task Claim_MovesAnExpiredPostingCall_ToUncertain_AndHoldsItThroughItsWindow()
    {
        await _f.OpenAsync();
        var call = (await Queue.ClaimAsync(10, Lease, 0)).Calls.Single();
        await Queue.StartAsync(call, TimeSpan.Zero);

        var again = await Queue.ClaimAsync(10, Lease, 0);
        var snapshot = await Queue.SnapshotAsync(10);

        Assert.That(again.Calls, Is.Empty, "a request that may have reached Plivo is not posted again within its evidence window");
        Assert.That(snapshot.Uncertain, Is.EqualTo(1));
        Assert.That(snapshot.InFlight, Is.Zero);
        Assert.That(await Db.SortedSetScoreAsync(_f.Keys.UncertainCalls, CallQueue.Member(call)), Is.Not.Null);
    }

    [Test]
    public async Task Start_RefusesACallWhoseLeaseWasTakenBack()
    {
        await _f.OpenAsync();
        var call = (await Queue.ClaimAsync(10, TimeSpan.Zero, 0)).Calls.Single();
        var other = await Queue.ClaimAsync(10, Lease, 0);
        await Queue.StartAsync(other.Calls.Single(), Lease);

        var claim = (await Queue.StartAsync(call, Lease)).Claim;

        Assert.That(claim, Is.EqualTo(CallClaim.Lost), "only the pump holding the lease may post");
    }

    [Test]
    public async Task Start_ReturnsGone_OnceTheSessionIsVerified()
    {
        var (phone, code, _) = await _f.OpenAsync();
        var call = (await Queue.ClaimAsync(10, Lease, 0)).Calls.Single();
        await _f.Verifier.VerifyByNumberAsync(phone, code);

        Assert.That((await Queue.StartAsync(call, Lease)).Claim, Is.EqualTo(CallClaim.Gone));
        Assert.That((await Queue.SnapshotAsync(10)).InFlight, Is.Zero);
    }

    [Test]
    public async Task Start_ReturnsPlaced_WhenAPlacedCallIsQueuedAgain()
    {
        await _f.OpenAsync();
        var call = (await Queue.ClaimAsync(10, Lease, 0)).Calls.Single();
        await Queue.StartAsync(call, Lease);
        await Queue.RecordPlacedAsync(call, new MakeCallResult(Guid.NewGuid().ToString(), false));
        await Db.SortedSetAddAsync(_f.Keys.ReadyCalls, CallQueue.Member(call), 0);

        var again = (await Queue.ClaimAsync(10, Lease, 0)).Calls.Single();

        Assert.That((await Queue.StartAsync(again, Lease)).Claim, Is.EqualTo(CallClaim.Placed));
        Assert.That((await Queue.SnapshotAsync(10)).InFlight, Is.Zero);
    }

    [Test]
    public async Task Release_QueuesTheCallAgain_AfterABackoff()
    {
        await _f.OpenAsync();
        var call = (await Queue.ClaimAsync(10, Lease, 0)).Calls.Single();
        await Queue.StartAsync(call, Lease);

        var first = await Queue.ReleaseAsync(call, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));
        var claimedAtOnce = await Queue.ClaimAsync(10, Lease, 0);

        Assert.That(first, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(claimedAtOnce.Calls, Is.Empty);
        Assert.That(claimedAtOnce.NextDueIn, Is.GreaterThan(TimeSpan.FromSeconds(20)));
        Assert.That((await Queue.SnapshotAsync(10)).Calls.Single(), Is.EqualTo(call).Using<QueuedCall, CallRef>((q, c) => q.Call == c && q.Where == "waiting"));
    }

    [Test]
    public async Task Claim_StartsNoMoreCallsPerSecond_ThanThePacingAllows()
    {
        for (var i = 0; i < 5; i++)
            await _f.OpenAsync();

        var batch = await Queue.ClaimAsync(10, Lease, callsPerSecond: 2);

        Assert.That(batch.Calls, Has.Count.EqualTo(2));
        Assert.That(await Db.SortedSetLengthAsync(_f.Keys.ReadyCalls), Is.EqualTo(3));
    }

    [Test]
    public async Task RecordOutcome_QueuesTheRetryOnce_DueAfterItsDelay()
    {
        var (phone, _, session) = await _f.OpenAsync(maxCalls: 4);
        var call = (await Queue.ClaimAsync(10, Lease, 0)).Calls.Single();
        await Queue.StartAsync(call, Lease);
        var delays = new[] { TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(90) };

        var first = await Calls.RecordOutcomeAsync(call, CallOutcome.NoAnswer, "uuid-1", 4, delays);
        var repeated = await Calls.RecordOutcomeAsync(call, CallOutcome.NoAnswer, "uuid-1", 4, delays);
        var claimedAtOnce = await Queue.ClaimAsync(10, Lease, 0);

        Assert.That(first, Is.EqualTo((2, 1, TimeSpan.FromSeconds(40))));
        Assert.That(repeated, Is.Null, "a repeated hangup callback queues no second retry");
        Assert.That(claimedAtOnce.Calls, Is.Empty, "the retry waits for its delay");
        Assert.That(claimedAtOnce.NextDueIn, Is.GreaterThan(TimeSpan.FromSeconds(30)));
        Assert.That((await Queue.SnapshotAsync(10)).Calls.Where(c => c.Where == "waiting").Select(c => c.Call),
            Is.EqualTo(new[] { _f.Call(phone, session.Id, 2) }), "the retry waits in ready, the first call is posting");
        Assert.That((int)await Db.HashGetAsync(_f.Keys.Session(phone), "calls"), Is.EqualTo(2), "one call reserved, not two");
    }
}
