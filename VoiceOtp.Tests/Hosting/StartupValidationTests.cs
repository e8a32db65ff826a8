using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Hosting;

public sealed class StartupValidationTests
{
    [Test]
    public async Task App_RefusesToStart_NamingEachBadKey_WithoutEchoingSecrets()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var settings = TestSettings.For(baseUrl, TestEnvironment.Redis.Configuration, "bad:", "{bad-jobs}:");
        settings["VoiceOtp:CodeKey"] = "too-short";
        settings["VoiceOtp:CodeLength"] = "12";
        settings["Plivo:AuthId"] = "";
        settings["Plivo:BaseUrl"] = "not a url";

        await using var app = AppProcess.Start(baseUrl, settings);
        var exited = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.That(exited, Is.True, "the app must stop on invalid configuration");
        Assert.That(app.ExitCode, Is.Not.EqualTo(0));
        Assert.That(app.Output, Does.Contain("VoiceOtp:CodeKey").And.Contain("VoiceOtp:CodeLength")
            .And.Contain("Plivo:AuthId").And.Contain("Plivo:BaseUrl"));
        Assert.That(app.Output, Does.Not.Contain(TestSettings.PlivoAuthToken).And.Not.Contain(TestSettings.ApiKey));
    }
}
