using System.Net;
using System.Text.Json.Nodes;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Health;

public sealed class HealthEndpointTests
{
    [Test]
    public async Task Live_Returns200Healthy_WithoutAnApiKey()
    {
        using var client = TestEnvironment.Host.AnonymousClient();

        var (status, body) = await GetAsync(client, "/health/live");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)body["status"], Is.EqualTo("healthy"));
    }

    [Test]
    public async Task Ready_Returns200_NamingEachCheck_WithoutDetails()
    {
        using var client = TestEnvironment.Host.AnonymousClient();
        // Hangfire announces its server shortly after start-up; until then readiness says no.
        await WaitForAsync(client, HttpStatusCode.OK);

        var (status, body) = await GetAsync(client, "/health/ready");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.That((string?)body["status"], Is.EqualTo("healthy"));
        var checks = body["checks"]!.AsObject();
        Assert.That(checks.Select(c => c.Key), Is.EquivalentTo(new[] { "redis", "scripts", "jobs" }));
        Assert.That(checks.Select(c => (string?)c.Value), Is.All.EqualTo("healthy"));
        Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "status", "checks" }), "no durations, descriptions or errors");
    }

    // Its own redis-server and app process, so that stopping Redis disturbs no other test.
    [Test]
    public async Task Ready_Returns503WhileRedisIsDown_And200WhenItIsBack()
    {
        await using var redis = await RedisServer.StartAsync();
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var app = AppProcess.Start(baseUrl, TestSettings.For(baseUrl, redis.Configuration, $"health:{{{run}}}:", $"{{health-jobs-{run}}}:"));
        await app.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        Assert.That(await WaitForAsync(client, HttpStatusCode.OK), Is.EqualTo(HttpStatusCode.OK), "ready once started");

        await redis.StopAsync();
        var (down, body) = await GetAsync(client, "/health/ready");
        Assert.That(down, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That((string?)body["status"], Is.EqualTo("unhealthy"));
        Assert.That((string?)body["checks"]!["redis"], Is.EqualTo("unhealthy"));
        var (live, _) = await GetAsync(client, "/health/live");
        Assert.That(live, Is.EqualTo(HttpStatusCode.OK), "a Redis outage does not make the process dead");

        await redis.RestartAsync();
        Assert.That(await WaitForAsync(client, HttpStatusCode.OK), Is.EqualTo(HttpStatusCode.OK), "ready again after Redis came back");
        Assert.That(await redis.Connection.GetServer(redis.Configuration).ScriptExistsAsync(VoiceOtp.Core.Redis.RedisScripts.VerifyCode.Text),
            Is.True, "readiness put the scripts back into the restarted Redis");
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    // Bounded wait for a state change (reconnecting takes a moment); the caller asserts the result.
    private static async Task<HttpStatusCode> WaitForAsync(HttpClient client, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            var (status, _) = await GetAsync(client, "/health/ready");
            if (status == wanted || DateTime.UtcNow > deadline)
                return status;
            await Task.Delay(250);
        }
    }
}
