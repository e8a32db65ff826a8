using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Hosting;

// The README's production set-up, tried: Debian's nginx with deploy/nginx/voiceotp.conf in front of
// the real engine (its own process, simulator on), whose VoiceOtp:PublicBaseUrl is nginx's origin, so
// Plivo's signed webhooks travel through the proxy exactly as they would from Plivo.
[NonParallelizable]
public sealed partial class ReverseProxyTests
{
    private AppProcess _app = null!;
    private NginxServer _nginx = null!;
    private HttpClient _viaProxy = null!;
    private HttpClient _direct = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var appPort = FreePort.Next();
        var proxyPort = FreePort.Next();
        var appUrl = $"http://127.0.0.1:{appPort}";
        var run = Guid.NewGuid().ToString("N")[..8];
        var settings = TestSettings.For(appUrl, TestEnvironment.Redis.Configuration, $"proxy:{{{run}}}:", $"{{proxy-jobs-{run}}}:");
        settings["VoiceOtp:PublicBaseUrl"] = $"http://127.0.0.1:{proxyPort}";
        settings["Plivo:Simulator"] = "true";
        // Make-a-call goes straight to the simulator: only what Plivo would send comes via nginx.
        settings["Plivo:SimulatorOrigin"] = appUrl;
        settings["ReverseProxy:KnownProxies:0"] = "127.0.0.1";
        _app = AppProcess.Start(appUrl, settings);
        await _app.WaitUntilListeningAsync();
        _nginx = await NginxServer.StartAsync(proxyPort, appPort);
        _viaProxy = WithKey(_nginx.Origin);
        _direct = WithKey(appUrl);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _viaProxy?.Dispose();
        _direct?.Dispose();
        if (_nginx is not null)
            await _nginx.DisposeAsync();
        if (_app is not null)
            await _app.DisposeAsync();
    }

    [Test]
    public async Task SignedWebhooks_ValidateThroughTheProxy_AndTheApiWorks()
    {
        var number = TestPhones.Next();

        var (dispatched, _) = await Api.DispatchAsync(_viaProxy, number);
        var calls = await SimulatorCalls.WaitForEndedAsync(_direct, number, 1);
        var code = SimulatorCalls.CodeIn((string?)calls[0]!["heard"]);
        var (verified, body) = await Api.VerifyAsync(_viaProxy, number, code);

        Assert.That(dispatched, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((int?)calls[0]!["answer_http_status"], Is.EqualTo(200), "the answer webhook's signature must validate through nginx");
        Assert.That((int?)calls[0]!["hangup_http_status"], Is.EqualTo(200), "the hangup webhook's signature must validate through nginx");
        Assert.That(verified, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)body["status"], Is.EqualTo("success"));
        var log = await _nginx.WaitForLogAsync(l => l.Contains("\"POST /plivo/hangup/-\" 200", StringComparison.Ordinal));
        Assert.That(log, Does.Contain("\"POST /plivo/answer/-\" 200").And.Contain("\"POST /plivo/hangup/-\" 200"),
            "the webhooks must have come through nginx");
        Assert.That(WebhookPathWithToken().IsMatch(log), Is.False, "the access log must not keep call tokens");
    }

    [TestCase("/hangfire")]
    [TestCase("/hangfire/jobs/enqueued")]
    [TestCase("/HangFire")]
    [TestCase("/%68angfire")]
    [TestCase("/metrics")]
    public async Task Proxy_Returns403_ForAdminPaths_FromOutsideTheAdminNetwork(string path)
    {
        using var response = await _viaProxy.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("/demo/")]
    [TestCase("/simulator/calls")]
    public async Task Proxy_Returns404_ForLocalTrialFeatures(string path)
    {
        using var response = await _viaProxy.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    // The engine trusts 127.0.0.1 as a proxy, so it replaces the peer address with the forwarded
    // one; a request from the proxy must still not count as a direct loopback admin.
    [Test]
    public async Task Dashboard_Returns403_ForAForwardedLoopbackClient_WhenTheProxyIsTrusted()
    {
        using var anonymous = new HttpClient { BaseAddress = _direct.BaseAddress };
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        forwarded.Headers.Add("X-Forwarded-For", "127.0.0.1");
        forwarded.Headers.Add("X-Forwarded-Proto", "https");

        using var viaProxyHeaders = await anonymous.SendAsync(forwarded);
        using var direct = await anonymous.GetAsync("/hangfire");

        Assert.That(viaProxyHeaders.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(direct.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Proxy_Returns413_ForABodyAboveTheLimit()
    {
        using var content = new StringContent(new string('x', 100 * 1024), System.Text.Encoding.UTF8, "application/json");

        using var response = await _viaProxy.PostAsync("/dispatch_otp", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task CommittedConfig_PassesNginxCheck_WithItsTlsLines()
    {
        var (exitCode, output) = await NginxServer.CheckWithTlsAsync(FreePort.Next());

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("test is successful"));
    }

    private static HttpClient WithKey(string origin)
    {
        var client = new HttpClient { BaseAddress = new Uri(origin) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.ApiKey);
        return client;
    }

    [GeneratedRegex(@"/plivo/(answer|hangup)/[^-\s""]")]
    private static partial Regex WebhookPathWithToken();
}
