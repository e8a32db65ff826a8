using StackExchange.Redis;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Sessions;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Sessions;

// The dispatch script's resend rules and the verify script's stop of a session's calls, against Redis.
public sealed class ResendAndStopScriptTests
{
    private readonly SessionFixture _f = new();
    private IDatabase Db => TestEnvironment.Redis.Connection.GetDatabase();

    private static NewSession Join(TimeSpan cooldown, TimeSpan minLeft = default) =>
        new(SessionId.New(), "d", "s", TimeSpan.FromMinutes(5), 5, 5, DateTimeOffset.UtcNow.AddMinutes(5), "A", cooldown, minLeft);

    [Test]
    public async Task OpenOrJoin_RefusesAResend_ForACooldownThatDoublesWithEachResend()
    {
        var (phone, _, opened) = await _f.OpenAsync(maxCalls: 5);

        var first = await _f.Store.OpenOrJoinAsync(phone, Join(TimeSpan.Zero));
        var second = await _f.Store.OpenOrJoinAsync(phone, Join(TimeSpan.FromSeconds(10)));

        Assert.That(first.Status, Is.EqualTo(DispatchStatus.Joined));
        Assert.That(second.Status, Is.EqualTo(DispatchStatus.ResendTooSoon));
        Assert.That(second.Id, Is.EqualTo(opened.Id));
        Assert.That(second.RetryAfter, Is.GreaterThan(TimeSpan.FromSeconds(15)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(20)),
            "the second resend waits twice the cooldown");
        Assert.That(await Db.SortedSetScoreAsync(_f.Keys.ReadyCalls, CallQueue.Member(_f.Call(phone, opened.Id, 3))), Is.Null, "no call was queued");
    }

    [Test]
    public async Task OpenOrJoin_PlacesNoCall_IntoASessionAboutToExpire()
    {
        var (phone, _, opened) = await _f.OpenAsync(ttl: TimeSpan.FromSeconds(30));

        var joined = await _f.Store.OpenOrJoinAsync(phone, Join(TimeSpan.Zero, minLeft: TimeSpan.FromSeconds(60)));

        Assert.That(joined.Status, Is.EqualTo(DispatchStatus.TooLateToCall));
        Assert.That(await Db.SortedSetScoreAsync(_f.Keys.ReadyCalls, CallQueue.Member(_f.Call(phone, opened.Id, 2))), Is.Null);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Verify_TakesTheWaitingCallsOutOfTheQueue_AndLeavesACancelEntry_WhenTheSessionEnds(bool verified)
    {
        var (phone, code, opened) = await _f.OpenAsync(maxAttempts: 1);
        var member = CallQueue.Member(_f.Call(phone, opened.Id, 1));
        Assert.That(await Db.SortedSetScoreAsync(_f.Keys.ReadyCalls, member), Is.Not.Null);

        var outcome = await _f.Verifier.VerifyByNumberAsync(phone, verified ? code : SessionFixture.WrongCode(code));

        Assert.That(outcome.Status, Is.EqualTo(verified ? VerifyStatus.Verified : VerifyStatus.Locked));
        Assert.That(await Db.SortedSetScoreAsync(_f.Keys.ReadyCalls, member), Is.Null);
        Assert.That(await Db.SortedSetScoreAsync(_f.Keys.CallsToCancel, member),
            Is.LessThanOrEqualTo(DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds()),
            "the pump stops its calls at Plivo now, not at the session's expiry");
        await Db.SortedSetRemoveAsync(_f.Keys.CallsToCancel, member);
    }

    [Test]
    public async Task OpenOrJoin_PutsTheSessionInTheBucketDueAtItsExpiry_AndScoresTheFirstCallAheadOfRetries()
    {
        var (phone, _, opened) = await _f.OpenAsync(ttl: TimeSpan.FromMinutes(5));
        var member = CallQueue.Member(_f.Call(phone, opened.Id, 1));

        var readyScore = await Db.SortedSetScoreAsync(_f.Keys.ReadyCalls, member);
        var buckets = new List<SortedSetEntry>();
        foreach (var entry in await Db.SortedSetRangeByScoreWithScoresAsync(_f.Keys.CallsToCancel))
            if (((string)entry.Element!).StartsWith("expiring:", StringComparison.Ordinal)
                && (await Db.ListRangeAsync(_f.Keys.ExpiryBuckets + ((string)entry.Element!)["expiring:".Length..])).Contains(opened.Id))
                buckets.Add(entry);

        Assert.That(buckets, Has.Count.EqualTo(1), "one expiry bucket lists the session");
        var bucket = buckets[0];
        var expiresAt = opened.ExpiresAt.ToUnixTimeMilliseconds();
        Assert.That(bucket.Score, Is.InRange(expiresAt - 2000, expiresAt + CallCanceller.ExpiryBucketMs + 2000),
            "stopped when it expires, at most a bucket later");
        Assert.That(readyScore + CallQueue.FirstCallLeadMs, Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).Within(60_000));
    }
}
