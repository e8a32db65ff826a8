using StackExchange.Redis;
using VoiceOtp.Core.Calls;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Calls;

public sealed class CallAttemptStoreTests
{
    private readonly SessionFixture _f = new();
    private CallAttemptStore Calls => new(TestEnvironment.Redis.Connection, _f.Keys);
    private IDatabase Db => TestEnvironment.Redis.Connection.GetDatabase();

    [Test]
    public async Task Claim_ReturnsUncertain_WhenAnEarlierRunSentTheRequestWithoutAnAnswer()
    {
        var (phone, _, session) = await _f.OpenAsync();

        var first = await Calls.ClaimAsync(phone, session.Id, 1);
        var second = await Calls.ClaimAsync(phone, session.Id, 1);

        Assert.That(first, Is.EqualTo(CallClaim.Claimed));
        Assert.That(second, Is.EqualTo(CallClaim.Uncertain), "a second POST could ring the phone twice");
    }

    [Test]
    public async Task Claim_SucceedsAgain_AfterTheRequestWasReleasedAsNeverSent()
    {
        var (phone, _, session) = await _f.OpenAsync();
        await Calls.ClaimAsync(phone, session.Id, 1);

        await Calls.ReleaseAsync(phone, session.Id, 1);

        Assert.That(await Calls.ClaimAsync(phone, session.Id, 1), Is.EqualTo(CallClaim.Claimed));
    }

    [Test]
    public async Task Claim_ReturnsPlaced_OncePlivoGaveARequestUuid()
    {
        var (phone, _, session) = await _f.OpenAsync();
        await Calls.ClaimAsync(phone, session.Id, 1);

        await Calls.RecordPlacedAsync(phone, session.Id, 1, Guid.NewGuid().ToString());

        Assert.That(await Calls.ClaimAsync(phone, session.Id, 1), Is.EqualTo(CallClaim.Placed));
    }

    [Test]
    public async Task Claim_ReturnsGone_OnceTheSessionIsVerified()
    {
        var (phone, code, session) = await _f.OpenAsync();
        await _f.Verifier.VerifyByNumberAsync(phone, code);

        Assert.That(await Calls.ClaimAsync(phone, session.Id, 1), Is.EqualTo(CallClaim.Gone));
    }

    [Test]
    public async Task RecordPlaced_LeavesNoKeyBehind_WhenTheCallRecordExpiredMeanwhile()
    {
        var (phone, _, session) = await _f.OpenAsync();
        await Calls.ClaimAsync(phone, session.Id, 1);
        await Db.KeyDeleteAsync(_f.Keys.Call(phone, session.Id, 1));

        await Calls.RecordPlacedAsync(phone, session.Id, 1, Guid.NewGuid().ToString());

        Assert.That(await Db.KeyExistsAsync(_f.Keys.Call(phone, session.Id, 1)), Is.False);
    }

    [Test]
    public async Task IssueToken_StoresOnlyADigest_ThatFindsTheCall()
    {
        var (phone, _, session) = await _f.OpenAsync();

        var token = await Calls.IssueTokenAsync(phone, session.Id, 1);
        var found = await Calls.FindAsync(token);

        Assert.That(found, Is.EqualTo(new CallRef(phone, session.Id, 1)));
        Assert.That(await Db.KeyExistsAsync(_f.Keys.Prefix + "token:{" + token + "}"), Is.False);
        Assert.That((await Db.KeyTimeToLiveAsync(_f.Keys.TokenLookup(token))).HasValue, Is.True, "every key has a TTL");
        Assert.That(await Calls.FindAsync(CallToken.New()), Is.Null);
    }

    [Test]
    public async Task RecordOutcome_ReturnsTheSameFollowUp_UntilItIsMarkedScheduled()
    {
        var (phone, _, session) = await _f.OpenAsync(maxCalls: 4);
        await Calls.ClaimAsync(phone, session.Id, 1);
        var call = new CallRef(phone, session.Id, 1);

        var first = await Calls.RecordOutcomeAsync(call, CallOutcome.NoAnswer, "uuid-1", maxCalls: 4, maxRetries: 2);
        var repeated = await Calls.RecordOutcomeAsync(call, CallOutcome.NoAnswer, "uuid-1", maxCalls: 4, maxRetries: 2);
        await Calls.RecordFollowUpScheduledAsync(call);
        var afterScheduling = await Calls.RecordOutcomeAsync(call, CallOutcome.NoAnswer, "uuid-1", maxCalls: 4, maxRetries: 2);

        Assert.That(first, Is.EqualTo((2, 1)));
        Assert.That(repeated, Is.EqualTo(first), "a callback repeated before scheduling gets the same reservation");
        Assert.That(afterScheduling, Is.Null);
        Assert.That((int)await Db.HashGetAsync(_f.Keys.Session(phone), "calls"), Is.EqualTo(2), "one call reserved, not two");
    }
}
