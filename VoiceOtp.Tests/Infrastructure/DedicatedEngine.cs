using System.Net.Http.Headers;

namespace VoiceOtp.Tests.Infrastructure;

// An engine process with a redis-server of its own, for tests that fill, stop, stall or restart
// Redis: the shared test server must never see that. The simulator plays Plivo, unless a separate
// fake Plivo is given.
public sealed class DedicatedEngine : IAsyncDisposable
{
    public const string KeyPrefix = "dedicated:{d}:";
    public const string JobsPrefix = "{dedicated-jobs}:";

    private DedicatedEngine(RedisServer redis, AppProcess app, HttpClient api)
    {
        Redis = redis;
        App = app;
        Api = api;
    }

    public RedisServer Redis { get; }

    public AppProcess App { get; }

    // Bounded, so that a hanging request fails the test instead of stalling the run.
    public HttpClient Api { get; }

    public static async Task<DedicatedEngine> StartAsync(bool persistent = false, string[]? redisArguments = null,
        IDictionary<string, string>? settings = null, FakePlivo? plivo = null)
    {
        var redis = await RedisServer.StartAsync(persistent, redisArguments ?? []);
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var all = TestSettings.For(baseUrl, redis.Configuration, KeyPrefix, JobsPrefix);
        all["Plivo:Simulator"] = plivo is null ? "true" : "false";
        all["Plivo:BaseUrl"] = plivo?.BaseUrl ?? "";
        all["Redis:TimeoutMs"] = "1000";
        all["Redis:ConnectTimeoutMs"] = "1000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            all[key] = value;
        var app = AppProcess.Start(baseUrl, all);
        await app.WaitUntilListeningAsync();
        var api = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.ApiKey);
        return new DedicatedEngine(redis, app, api);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
