using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Hosting;

// Settings that would expose the engine stop it at start-up, with a message naming the key. The
// app runs as its own process in the Production environment.
public sealed class StartupGuardTests
{
    [Test]
    public async Task App_RefusesToStart_WithoutDashboardCredentials_UnlessAnonymousLoopbackIsAllowed()
    {
        var output = await FailedStartAsync(s => s.Remove("Dashboard:AllowAnonymousLoopback"));

        Assert.That(output, Does.Contain("Dashboard:AllowAnonymousLoopback"));
    }

    [TestCase("Dashboard:Username", "Dashboard:Password is required")]
    [TestCase("Dashboard:Password", "Dashboard:Username is required")]
    public async Task App_RefusesToStart_WithOnlyOneDashboardCredential(string given, string message)
    {
        var output = await FailedStartAsync(s => s[given] = "only-this-one-123");

        Assert.That(output, Does.Contain(message));
        Assert.That(output, Does.Not.Contain("only-this-one-123"));
    }

    [Test]
    public async Task App_RefusesToStart_WithTheSimulatorOutsideDevelopment_UnlessAllowed()
    {
        var output = await FailedStartAsync(s =>
        {
            s["Plivo:Simulator"] = "true";
            s.Remove("Plivo:AllowSimulator");
        });

        Assert.That(output, Does.Contain("Plivo:AllowSimulator"));
    }

    [Test]
    public async Task App_RefusesToStart_UnderTheNistProfile_NamingEachKeyBelowIt()
    {
        var output = await FailedStartAsync(s =>
        {
            s["VoiceOtp:Profile"] = "nist-800-63b-4";
            s["VoiceOtp:CodeLength"] = "4";
            s["VoiceOtp:CodeTtlSeconds"] = "900";
            s["VoiceOtp:WrongCodesPerNumberPerHour"] = "0";
            s["VoiceOtp:WrongCodesPerNumberPerDay"] = "0";
        });

        Assert.That(output, Does.Contain("VoiceOtp:CodeLength").And.Contain("VoiceOtp:CodeTtlSeconds")
            .And.Contain("VoiceOtp:WrongCodesPerNumberPerHour").And.Contain("VoiceOtp:WrongCodesPerNumberPerDay")
            .And.Contain("nist-800-63b-4"));
    }

    private static async Task<string> FailedStartAsync(Action<Dictionary<string, string>> change)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var settings = TestSettings.For(baseUrl, TestEnvironment.Redis.Configuration, "guard:{g}:", "{guard-jobs}:");
        settings["Plivo:BaseUrl"] = "https://api.plivo.com";
        change(settings);

        await using var app = AppProcess.Start(baseUrl, settings);
        var exited = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.That(exited, Is.True, "the app must refuse to start");
        Assert.That(app.ExitCode, Is.Not.EqualTo(0));
        return app.Output;
    }
}
