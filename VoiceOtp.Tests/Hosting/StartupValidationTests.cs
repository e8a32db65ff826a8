using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Hosting;

// The real app as an operator starts it: what it prints and how it exits on a bad start.
public sealed class StartupValidationTests
{
    [Test]
    public async Task App_PrintsOneLinePerBadKeyAndExitsNonZero_WhenSettingsAreInvalid()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var settings = TestSettings.For(baseUrl, TestEnvironment.Redis.Configuration, "bad:{b}:", "{bad-jobs}:");
        settings["VoiceOtp:CodeKey"] = "too-short";
        settings["VoiceOtp:CodeLength"] = "12";
        settings["Plivo:AuthId"] = "";
        settings["Plivo:BaseUrl"] = "not a url";

        await using var app = AppProcess.Start(baseUrl, settings);
        var exited = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.That(exited, Is.True, "the app must stop on invalid configuration");
        Assert.That(app.ExitCode, Is.Not.EqualTo(0));
        var lines = Lines(app.Output);
        Assert.That(lines, Has.Exactly(1).StartsWith("VoiceOtp:CodeKey is required: "));
        Assert.That(lines, Has.Exactly(1).StartsWith("VoiceOtp:CodeLength "));
        Assert.That(lines, Has.Exactly(1).StartsWith("Plivo:AuthId "));
        Assert.That(lines, Has.Exactly(1).StartsWith("Plivo:BaseUrl "));
        Assert.That(lines, Has.Count.EqualTo(4), "one line per bad key and nothing else:\n" + app.Output);
        Assert.That(app.Output, Does.Not.Contain(TestSettings.PlivoAuthToken).And.Not.Contain(TestSettings.ApiKey)
            .And.Not.Contain("too-short"));
    }

    [Test]
    public async Task App_PrintsTheRedisAddressAndExitsNonZero_WhenRedisCannotBeReached()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var nobodyListens = FreePort.Next();
        const string password = "redis-password-never-printed";
        var settings = TestSettings.For(baseUrl, $"127.0.0.1:{nobodyListens},password={password},connectTimeout=2000",
            "down:{d}:", "{down-jobs}:");

        await using var app = AppProcess.Start(baseUrl, settings);
        var exited = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.That(exited, Is.True, "the app must stop when Redis is unreachable at start-up");
        Assert.That(app.ExitCode, Is.Not.EqualTo(0));
        var lines = Lines(app.Output);
        Assert.That(lines, Has.Count.EqualTo(1), app.Output);
        Assert.That(lines[0], Does.Contain($"127.0.0.1:{nobodyListens}").And.Contain("cannot be reached"));
        Assert.That(app.Output, Does.Not.Contain(password));
    }

    private static List<string> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
