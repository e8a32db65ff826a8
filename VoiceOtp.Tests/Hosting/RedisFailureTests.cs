using System.Net;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Redis;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Hosting;

// Redis that is full, stopped, stalled or read-only: each request answers 503 "unavailable" within
// Redis:TimeoutMs (1 s here; the client gives up after 30 s, so a hang fails the test), never 500,
// and no code is compared without its attempt being counted.
public sealed class RedisFailureTests
{
    private const HttpStatusCode Unavailable = HttpStatusCode.ServiceUnavailable;

    [Test]
    public async Task Verify_Returns503AndComparesNothing_WhenRedisIsFull()
    {
        await using var engine = await DedicatedEngine.StartAsync(redisArguments: ["--maxmemory", "16mb"]);
        var number = TestPhones.Next();
        Assert.That((await Api.DispatchAsync(engine.Api, number)).Status, Is.EqualTo(HttpStatusCode.OK));
        var code = await SimulatorCalls.WaitForCodeAsync(engine.Api, number);
        await FillAsync(engine.Redis);

        var wrong = new List<(HttpStatusCode Status, JsonObject Body)>();
        for (var i = 0; i < 8; i++)
            wrong.Add(await Api.VerifyAsync(engine.Api, number, Api.Wrong(code)));
        var (rightWhileFull, _) = await Api.VerifyAsync(engine.Api, number, code);
        var (dispatchWhileFull, _) = await Api.DispatchAsync(engine.Api, TestPhones.Next());
        await FreeAsync(engine.Redis);
        var (wrongAfter, afterBody) = await Api.VerifyAsync(engine.Api, number, Api.Wrong(code));
        var (rightAfter, _) = await Api.VerifyAsync(engine.Api, number, code);

        Assert.That(wrong.Select(w => w.Status), Is.All.EqualTo(Unavailable));
        Assert.That(wrong.Select(w => (string?)w.Body["status"]), Is.All.EqualTo("unavailable"));
        Assert.That(rightWhileFull, Is.EqualTo(Unavailable),
            "a full Redis must not verify: the wrong guesses before it were refused without being counted");
        Assert.That(dispatchWhileFull, Is.EqualTo(Unavailable));
        Assert.That(wrongAfter, Is.EqualTo((HttpStatusCode)422));
        Assert.That((int?)afterBody["attempts_remaining"], Is.EqualTo(4), "the refused guesses were never compared");
        Assert.That(rightAfter, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(engine.App.Output, Does.Contain("Redis is unavailable (OOM)"));
    }

    [Test]
    public async Task Api_Returns503_WhileRedisIsStopped_AndServesTheSessionOnceItIsBack()
    {
        await using var engine = await DedicatedEngine.StartAsync(persistent: true);
        var number = TestPhones.Next();
        Assert.That((await Api.DispatchAsync(engine.Api, number)).Status, Is.EqualTo(HttpStatusCode.OK));
        var code = await SimulatorCalls.WaitForCodeAsync(engine.Api, number);

        await engine.Redis.StopAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (verifyWhileDown, body) = await Api.VerifyAsync(engine.Api, number, code);
        TestContext.Out.WriteLine($"503 while stopped after {clock.ElapsedMilliseconds} ms (Redis:TimeoutMs=1000)");
        var (dispatchWhileDown, _) = await Api.DispatchAsync(engine.Api, TestPhones.Next());
        await engine.Redis.StartAgainAsync();
        var (verifyAfter, _) = await Api.VerifyAsync(engine.Api, number, code);

        Assert.That(verifyWhileDown, Is.EqualTo(Unavailable));
        Assert.That((string?)body["status"], Is.EqualTo("unavailable"));
        Assert.That((string?)body["message"], Is.Not.Empty);
        Assert.That(dispatchWhileDown, Is.EqualTo(Unavailable));
        Assert.That(verifyAfter, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Api_Returns503_WhileRedisIsStalled()
    {
        await using var engine = await DedicatedEngine.StartAsync();
        var number = TestPhones.Next();
        Assert.That((await Api.DispatchAsync(engine.Api, number)).Status, Is.EqualTo(HttpStatusCode.OK));
        var code = await SimulatorCalls.WaitForCodeAsync(engine.Api, number);

        HttpStatusCode verifyWhileStalled, dispatchWhileStalled;
        engine.Redis.Pause();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            verifyWhileStalled = (await Api.VerifyAsync(engine.Api, number, code)).Status;
            TestContext.Out.WriteLine($"503 while stalled after {clock.ElapsedMilliseconds} ms (Redis:TimeoutMs=1000)");
            dispatchWhileStalled = (await Api.DispatchAsync(engine.Api, TestPhones.Next())).Status;
        }
        finally
        {
            engine.Redis.Resume();
        }

        Assert.That(verifyWhileStalled, Is.EqualTo(Unavailable));
        Assert.That(dispatchWhileStalled, Is.EqualTo(Unavailable));
        Assert.That(engine.App.Output, Does.Contain("RedisTimeoutException"));
    }

    [Test]
    public async Task Verify_Returns503AndCountsNothing_WhenRedisBecomesAReadOnlyReplica()
    {
        await using var engine = await DedicatedEngine.StartAsync();
        var number = TestPhones.Next();
        Assert.That((await Api.DispatchAsync(engine.Api, number)).Status, Is.EqualTo(HttpStatusCode.OK));
        var code = await SimulatorCalls.WaitForCodeAsync(engine.Api, number);
        var db = engine.Redis.Connection.GetDatabase();

        // A replica of a primary that does not exist keeps its data and serves reads, but no writes.
        await db.ExecuteAsync("REPLICAOF", "127.0.0.1", FreePort.Next());
        var (wrong, body) = await Api.VerifyAsync(engine.Api, number, Api.Wrong(code));
        var (right, _) = await Api.VerifyAsync(engine.Api, number, code);
        PhoneNumber.TryParse(number, out var phone);
        var attempts = await db.HashGetAsync(TestSettings.KeysFor(DedicatedEngine.KeyPrefix).Session(phone!), "attempts");
        await db.ExecuteAsync("REPLICAOF", "NO", "ONE");

        Assert.That(wrong, Is.EqualTo(Unavailable));
        Assert.That((string?)body["status"], Is.EqualTo("unavailable"));
        Assert.That(right, Is.EqualTo(Unavailable));
        Assert.That((string?)attempts, Is.EqualTo("0"), "the session is untouched");
        Assert.That(engine.App.Output, Does.Contain("Redis is unavailable (READONLY)").Or.Contain("RedisConnectionException"));
    }

    [Test]
    public async Task Verify_Returns503_WhileRedisIsLoadingItsData()
    {
        // Commands in the append-only file (no RDB preamble, no snapshot) take Redis a few seconds to
        // replay after a restart, and it answers LOADING meanwhile.
        await using var engine = await DedicatedEngine.StartAsync(persistent: true,
            redisArguments: ["--aof-use-rdb-preamble", "no", "--save", ""]);
        var number = TestPhones.Next();
        Assert.That((await Api.DispatchAsync(engine.Api, number)).Status, Is.EqualTo(HttpStatusCode.OK));
        var code = await SimulatorCalls.WaitForCodeAsync(engine.Api, number);
        var db = engine.Redis.Connection.GetDatabase();
        for (var batch = 0; batch < 8; batch++)
            await db.ScriptEvaluateAsync(
                "for i = 1, 100000 do redis.call('SET', 'load:' .. ARGV[1] .. ':' .. i, 'x') end", null, [batch]);

        await engine.Redis.StopAsync();
        engine.Redis.StartAgainWithoutWaiting();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string probe;
        while (!(probe = await engine.Redis.RawAsync("PING")).StartsWith("-LOADING") && probe != "+PONG" && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.That(probe, Does.StartWith("-LOADING"), "precondition: Redis is loading");
        var (whileLoading, body) = await Api.VerifyAsync(engine.Api, number, code);
        var stillLoading = await engine.Redis.RawAsync("PING");
        await engine.Redis.WaitUntilServingAsync();
        var (afterLoading, _) = await Api.VerifyAsync(engine.Api, number, code);

        // The engine sees either the LOADING reply or a connection that is not ready yet; both are 503.
        TestContext.Out.WriteLine(string.Join('\n', engine.App.Output.Split('\n').Where(l => l.Contains("Redis is unavailable"))));
        Assert.That(stillLoading, Does.StartWith("-LOADING"), "precondition: the request came while Redis was loading");
        Assert.That(whileLoading, Is.EqualTo(Unavailable));
        Assert.That((string?)body["status"], Is.EqualTo("unavailable"));
        Assert.That(afterLoading, Is.EqualTo(HttpStatusCode.OK));
    }

    // Written by a script without flags, which Redis lets run past maxmemory once it has started.
    private const string Fill = "for i = 1, tonumber(ARGV[1]) do redis.call('SET', 'fill:' .. i, string.rep('x', 1000)) end";
    private const string Free = "for i = 1, tonumber(ARGV[1]) do redis.call('DEL', 'fill:' .. i) end";
    private const int FillKeys = 20_000;

    internal static async Task FillAsync(RedisServer redis)
    {
        var db = redis.Connection.GetDatabase();
        await db.ScriptEvaluateAsync(Fill, null, [FillKeys]);
        var memory = (string?)await db.ExecuteAsync("INFO", "memory") ?? "";
        Assert.That(memory, Does.Contain("maxmemory:16777216"));
        Assert.That(async () => await db.StringSetAsync("probe", "x"), Throws.TypeOf<RedisServerException>().With.Message.StartsWith("OOM"),
            "precondition: Redis is full");
    }

    internal static Task FreeAsync(RedisServer redis) => redis.Connection.GetDatabase().ScriptEvaluateAsync(Free, null, [FillKeys]);
}
