using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Guards;

public sealed class GuardStartupTests
{
    [Test]
    public async Task App_RefusesToStart_NamingTheKey_ForAnUnknownCountryOrAMalformedPrefix()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var settings = TestSettings.For(baseUrl, TestEnvironment.Redis.Configuration, "bad-guard:{g}:", "{bad-guard-jobs}:");
        settings["VoiceOtp:AllowedCountries:0"] = "XQ";
        settings["VoiceOtp:BlockedPrefixes:0"] = "4470";

        await using var app = AppProcess.Start(baseUrl, settings);
        var exited = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.That(exited, Is.True, "the app must stop on invalid configuration");
        Assert.That(app.ExitCode, Is.Not.EqualTo(0));
        Assert.That(app.Output, Does.Contain("VoiceOtp:AllowedCountries").And.Contain("VoiceOtp:BlockedPrefixes"));
    }
}
