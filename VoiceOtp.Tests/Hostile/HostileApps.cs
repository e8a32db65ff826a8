using System.Net.Http.Headers;
using System.Text;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Hostile;

// What the hostile table is sent to: the engine as deployed (its own process, a separate fake
// Plivo, so the test holds real call tokens and signs Plivo's callbacks itself) and a second engine
// running the built-in simulator and the demo page, each under key prefixes of its own so that nothing else writes there.
public sealed class HostileApps : IAsyncDisposable
{
    public const string DashboardUser = "admin";
    public const string DashboardPassword = "hostile-dashboard-secret";

    private readonly List<Dictionary<string, string>> _settings = [];

    public FakePlivo Plivo { get; private set; } = null!;
    public AppProcess Engine { get; private set; } = null!;
    public AppProcess Simulator { get; private set; } = null!;
    public string PendingNumber { get; private set; } = "";
    public string PendingSessionId { get; private set; } = "";
    public string PendingAnswerUrl { get; private set; } = "";

    public IEnumerable<string> JobsPrefixes => _settings.Select(s => s["Redis:JobsPrefix"]);

    public IEnumerable<string> Prefixes => _settings.SelectMany(s => new[] { s["Redis:KeyPrefix"], s["Redis:JobsPrefix"] });

    public static async Task<HostileApps> StartAsync()
    {
        var apps = new HostileApps { Plivo = await FakePlivo.StartAsync() };
        apps.Engine = apps.Start("hostile", s => s["Plivo:BaseUrl"] = apps.Plivo.BaseUrl);
        apps.Simulator = apps.Start("hostile-sim", s =>
        {
            s["Demo:Enabled"] = "true";
            s["Plivo:Simulator"] = "true";
            s["Plivo:AllowSimulator"] = "true";
            s["Plivo:BaseUrl"] = "";
        });
        await apps.Engine.WaitUntilListeningAsync();
        await apps.Simulator.WaitUntilListeningAsync();

        // A session that is pending, with its call answered and ended, so that the hostile verify
        // requests have a real session to miss and the webhooks a real call to aim at.
        apps.PendingNumber = TestPhones.Next();
        using var api = apps.EngineClient();
        var (_, body) = await Api.DispatchAsync(api, apps.PendingNumber);
        apps.PendingSessionId = (string)body["session_uuid"]!;
        apps.PendingAnswerUrl = (string)(await apps.CallToAsync(apps.PendingNumber)).Body["answer_url"]!;
        return apps;
    }

    private AppProcess Start(string name, Action<Dictionary<string, string>> tweak)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var run = Guid.NewGuid().ToString("N")[..8];
        var settings = TestSettings.For(baseUrl, TestEnvironment.Redis.Configuration, $"{name}:{{{run}}}:", $"{{{name}-jobs-{run}}}:");
        settings["Dashboard:Username"] = DashboardUser;
        settings["Dashboard:Password"] = DashboardPassword;
        tweak(settings);
        _settings.Add(settings);
        return AppProcess.Start(baseUrl, settings);
    }

    public HttpClient EngineClient(string? apiKey = null) => Client(Engine.BaseUrl, apiKey ?? TestSettings.ApiKey);

    public HttpClient SimulatorClient() => Client(Simulator.BaseUrl, TestSettings.ApiKey);

    // A fresh number dispatched on the engine, and the call Plivo was asked to place for it.
    public async Task<FakePlivo.RecordedCall> NewCallAsync()
    {
        var number = TestPhones.Next();
        using var api = EngineClient();
        await Api.DispatchAsync(api, number);
        return await CallToAsync(number);
    }

    private async Task<FakePlivo.RecordedCall> CallToAsync(string number)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var call = Plivo.Calls.FirstOrDefault(c => (string?)c.Body["to"] == number);
            if (call is not null)
                return call;
            await Task.Delay(50);
        }
        Assert.Fail("the engine never asked Plivo to call " + number);
        return null!;
    }

    public static List<KeyValuePair<string, string>> AnswerForm(string to) =>
    [
        new("CallUUID", Guid.NewGuid().ToString()), new("CallStatus", "in-progress"), new("Direction", "outbound"),
        new("Event", "StartApp"), new("From", "14155550100"), new("To", to.TrimStart('+')),
    ];

    // A webhook request as Plivo sends it, signed over signedUrl/signedForm/nonce with authToken;
    // the request itself goes to url with form (the same unless a test re-signs on purpose).
    public static HttpRequestMessage Signed(string url, IList<KeyValuePair<string, string>> form, string nonce,
        string? authToken = null, string? signedUrl = null, IList<KeyValuePair<string, string>>? signedForm = null,
        string? headerNonce = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Plivo-Signature-V3-Nonce", headerNonce ?? nonce);
        request.Headers.Add("X-Plivo-Signature-V3", PlivoSignatureV3.Compute("POST", new Uri(signedUrl ?? url),
            signedForm ?? form, nonce, authToken ?? TestSettings.PlivoAuthToken));
        return request;
    }

    public static AuthenticationHeaderValue DashboardCredentials() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(DashboardUser + ":" + DashboardPassword)));

    private static HttpClient Client(string baseUrl, string apiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (Engine is not null)
            await Engine.DisposeAsync();
        if (Simulator is not null)
            await Simulator.DisposeAsync();
        if (Plivo is not null)
            await Plivo.DisposeAsync();
    }
}
