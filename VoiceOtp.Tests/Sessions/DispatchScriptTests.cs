using StackExchange.Redis;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Sessions;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Sessions;

// open-or-join-session.lua is the whole dispatch: session (with its sealed number) and queued call in one step.
public sealed class DispatchScriptTests
{
    private SessionFixture _f = null!;
    private IDatabase Db => TestEnvironment.Redis.Connection.GetDatabase();

    // A fresh key prefix per test, so that each test has a call queue of its own.
    [SetUp]
    public void NewKeyspace() => _f = new SessionFixture();

    [Test]
    public async Task Dispatch_WritesSessionNumberAndQueuedCall_Together()
    {
        var dispatches = Enumerable.Range(0, 40).Select(_ => PendingDispatch()).ToList();
        using var done = new CancellationTokenSource();
        var observations = 0;
        var torn = 0;
        var observer = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
                foreach (var d in dispatches)
                {
                    var tx = Db.CreateTransaction();
                    var session = tx.KeyExistsAsync(_f.Keys.Session(d.Phone));
                    var number = tx.HashExistsAsync(_f.Keys.Session(d.Phone), "number");
                    var queued = tx.SortedSetScoreAsync(_f.Keys.ReadyCalls, CallQueue.Member(_f.Call(d.Phone, d.Session.Id, 1)));
                    await tx.ExecuteAsync();
                    var present = new[] { await session, await number, (await queued).HasValue };
                    Interlocked.Increment(ref observations);
                    if (present.Distinct().Count() > 1)
                        Interlocked.Increment(ref torn);
                }
        });

        await Task.WhenAll(dispatches.Select(d => _f.Store.OpenOrJoinAsync(d.Phone, d.Session)));
        done.Cancel();
        await observer;

        Assert.That(torn, Is.Zero, "an observer never sees a session without its sealed number and queued call");
        Assert.That(observations, Is.GreaterThan(0));
        Assert.That(await Db.SortedSetLengthAsync(_f.Keys.ReadyCalls), Is.EqualTo(dispatches.Count));
    }

    private (PhoneNumber Phone, NewSession Session) PendingDispatch()
    {
        PhoneNumber.TryParse(TestPhones.Next(), out var phone);
        var id = SessionId.New();
        return (phone!, new NewSession(id, "digest", "sealed", TimeSpan.FromMinutes(5), 5, 3, DateTimeOffset.UtcNow.AddMinutes(5), "Acme"));
    }
}
