using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Plivo;

// Real Plivo credentials configured next to Plivo:Simulator=true are never used: the simulator gets
// made-up ones for the process, and calls go to the simulator only, whatever Plivo:BaseUrl says.
[NonParallelizable]
public sealed class SimulatorCredentialTests
{
    [Test]
    public async Task Simulator_NeverSendsConfiguredPlivoCredentials_AndWarnsThatItRuns()
    {
        await using var plivo = await FakePlivo.StartAsync();
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var run = Guid.NewGuid().ToString("N")[..8];
        var settings = TestSettings.For(baseUrl, TestEnvironment.Redis.Configuration, $"sim:{{{run}}}:", $"{{sim-jobs-{run}}}:");
        settings["Plivo:Simulator"] = "true";
        settings["Plivo:BaseUrl"] = plivo.BaseUrl;
        await using var app = AppProcess.Start(baseUrl, settings);
        await app.WaitUntilListeningAsync();
        using var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", TestSettings.ApiKey);
        var number = TestPhones.Next();

        var (status, _) = await Api.DispatchAsync(api, number);
        var code = await SimulatorCalls.WaitForCodeAsync(api, number);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(code, Has.Length.EqualTo(6), "the call went through the simulator");
        Assert.That(plivo.Calls, Is.Empty, "nothing, and so no credential, reached the configured Plivo origin");
        Assert.That(app.Output, Does.Contain("The Plivo simulator is on"));
        Assert.That(app.Output, Does.Not.Contain(TestSettings.PlivoAuthToken));
    }

    [Test]
    public void Simulator_ReplacesConfiguredCredentials_ByOnesOfItsOwn()
    {
        var o = TestEnvironment.Host.Services.GetRequiredService<IOptions<PlivoOptions>>().Value;

        Assert.That(o.AuthId, Is.Not.EqualTo(TestSettings.PlivoAuthId).And.Match("^MA[A-Z0-9]{18}$"));
        Assert.That(o.AuthToken, Is.Not.EqualTo(TestSettings.PlivoAuthToken).And.Not.Empty);
        Assert.That(o.BaseUrl, Is.EqualTo(TestEnvironment.Host.BaseUrl));
    }
}
