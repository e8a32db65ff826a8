using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using VoiceOtp.Web;

namespace VoiceOtp.Tests.Infrastructure;

// The real Program on Kestrel at a loopback port, with the built-in Plivo simulator. Hangfire's
// configuration is process-wide, so there is exactly one of these per test run.
public sealed class VoiceOtpHost : IAsyncDisposable
{
    private VoiceOtpHost(WebApplication app, string baseUrl, string keyPrefix, string jobsPrefix)
    {
        App = app;
        BaseUrl = baseUrl;
        KeyPrefix = keyPrefix;
        JobsPrefix = jobsPrefix;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public string BaseUrl { get; }

    public string KeyPrefix { get; }

    public string JobsPrefix { get; }

    public static async Task<VoiceOtpHost> StartAsync(RedisServer redis, IDictionary<string, string>? overrides = null)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var run = Guid.NewGuid().ToString("N")[..8];
        var keyPrefix = $"test:{{{run}}}:";
        var jobsPrefix = $"{{test-jobs-{run}}}:";
        var settings = TestSettings.For(baseUrl, redis.Configuration, keyPrefix, jobsPrefix);
        settings["Plivo:Simulator"] = "true";
        settings["Plivo:BaseUrl"] = "";
        // Short waits for the scripted late answer and for keys on the interactive phone.
        settings["Plivo:SimulatorAnswerDelaySeconds"] = "1";
        settings["VoiceOtp:KeypressTimeoutSeconds"] = "2";
        settings["Demo:Enabled"] = "true";
        // Most tests never verify the codes they dispatch, so the conversion breaker would close GB
        // for the rest of the run; it is tested on hosts of its own.
        settings["VoiceOtp:MinConversionRate"] = "0";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
            settings[key] = value;
        var app = Program.BuildApp(settings.AsArgs());
        await app.StartAsync();
        return new VoiceOtpHost(app, baseUrl, keyPrefix, jobsPrefix);
    }

    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey ?? TestSettings.ApiKey);
        return client;
    }

    public HttpClient AnonymousClient() => new() { BaseAddress = new Uri(BaseUrl) };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
