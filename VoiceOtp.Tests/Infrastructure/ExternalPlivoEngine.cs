using System.Net.Http.Headers;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Tests.Infrastructure;

// An engine process on the shared test Redis, under a key prefix of its own, against a separate
// fake Plivo on loopback: what every test that plays Plivo's side by hand starts with.
public sealed class ExternalPlivoEngine : IAsyncDisposable
{
    private ExternalPlivoEngine(FakePlivo plivo, AppProcess app, HttpClient api, IReadOnlyDictionary<string, string> settings)
    {
        Settings = settings;
        Plivo = plivo;
        App = app;
        Api = api;
        Keys = TestSettings.KeysFor(settings["Redis:KeyPrefix"]);
        Callbacks = new FakePlivoCallbacks(api);
    }

    public FakePlivo Plivo { get; }

    public AppProcess App { get; }

    public HttpClient Api { get; }

    // Everything the engine was started with (key and job prefixes included).
    public IReadOnlyDictionary<string, string> Settings { get; }

    public RedisKeys Keys { get; }

    public FakePlivoCallbacks Callbacks { get; }

    // name keeps each fixture's keys and jobs apart in the shared Redis (and readable in a dump).
    public static async Task<ExternalPlivoEngine> StartAsync(string name, IDictionary<string, string>? settings = null)
    {
        var plivo = await FakePlivo.StartAsync();
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var run = Guid.NewGuid().ToString("N")[..8];
        var all = TestSettings.For(baseUrl, TestEnvironment.Redis.Configuration, $"{name}:{{{run}}}:", $"{{{name}-jobs-{run}}}:");
        all["Plivo:BaseUrl"] = plivo.BaseUrl;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            all[key] = value;
        var app = AppProcess.Start(baseUrl, all);
        await app.WaitUntilListeningAsync();
        var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.ApiKey);
        return new ExternalPlivoEngine(plivo, app, api, all);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
        await Plivo.DisposeAsync();
    }
}
