using StackExchange.Redis;
using VoiceOtp.Core.Redis;
using VoiceOtp.Core.Sessions;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Redis;

public sealed class RedisScriptLoaderTests
{
    [Test]
    public async Task Load_PutsEveryEmbeddedScriptIntoRedis()
    {
        var server = TestEnvironment.Redis.Connection.GetServer(TestEnvironment.Redis.Configuration);

        await new RedisScriptLoader(TestEnvironment.Redis.Connection).LoadAsync();

        Assert.That(RedisScripts.All, Has.Count.EqualTo(5));
        foreach (var script in RedisScripts.All)
            Assert.That(await server.ScriptExistsAsync(script), Is.True);
    }

    // Own Redis: a SCRIPT FLUSH on the shared one would be harmless, but this keeps the test exact.
    [Test]
    public async Task Stores_KeepWorking_AfterScriptFlush()
    {
        await using var redis = await RedisServer.StartAsync();
        var loader = new RedisScriptLoader(redis.Connection);
        await loader.LoadAsync();
        var sessions = new SessionFixture(redis.Connection);
        var (phone, code, _) = await sessions.OpenAsync();
        var server = redis.Connection.GetServer(redis.Configuration);

        await server.ScriptFlushAsync();
        var outcome = await sessions.Verifier.VerifyByNumberAsync(phone, code);

        Assert.That(outcome.Status, Is.EqualTo(VerifyStatus.Verified), "EVALSHA fell back to EVAL after NOSCRIPT");
        await server.ScriptFlushAsync();
        Assert.That(await loader.EnsureLoadedAsync(), Is.True);
        Assert.That(await server.ScriptExistsAsync(RedisScripts.AdmitAndOpenSession.Text), Is.True, "readiness reloads flushed scripts");
    }
}
