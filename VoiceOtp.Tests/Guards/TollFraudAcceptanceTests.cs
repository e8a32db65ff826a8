using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PhoneNumbers;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Guards;

// The issue's acceptance, tried as a new user would: the engine in its own process, configured by
// environment variables, with the simulator playing Plivo over HTTP (its hangups send BillDuration 18).
[NonParallelizable]
public sealed class TollFraudAcceptanceTests
{
    private AppProcess _app = null!;
    private HttpClient _api = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var run = Guid.NewGuid().ToString("N")[..8];
        var settings = TestSettings.For(baseUrl, TestEnvironment.Redis.Configuration, $"fraud:{{{run}}}:", $"{{fraud-jobs-{run}}}:");
        settings["Plivo:Simulator"] = "true";
        settings["Plivo:AllowSimulator"] = "true";
        settings["Plivo:BaseUrl"] = "";
        settings["Dashboard:Username"] = "admin";
        settings["Dashboard:Password"] = "breaker-admin-secret";
        settings["VoiceOtp:CodeTtlSeconds"] = "10";
        settings["VoiceOtp:AllowedCountries:0"] = "GB";
        settings["VoiceOtp:AllowedCountries:1"] = "DE";
        settings["VoiceOtp:AllowedCountries:2"] = "FR";
        settings["VoiceOtp:ConversionWindowSessions"] = "4";
        settings["VoiceOtp:MinConversionRate"] = "0.5";
        settings["VoiceOtp:CallRates:FR"] = "10";
        settings["VoiceOtp:DefaultCallRate"] = "0.0065";
        settings["VoiceOtp:DailySpendLimitPerCountry"] = "5";
        _app = AppProcess.Start(baseUrl, settings);
        await _app.WaitUntilListeningAsync();
        _api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.ApiKey);
        _admin = new HttpClient { BaseAddress = new Uri(baseUrl) };
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:breaker-admin-secret")));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _api?.Dispose();
        _admin?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
    }

    private static IEnumerable<TestCaseData> Refused()
    {
        yield return new TestCaseData(ExampleNumbers.For("GB", PhoneNumberType.PREMIUM_RATE), "premium-rate").SetName("PremiumRate");
        yield return new TestCaseData(ExampleNumbers.NonGeographic(979), "non-geographic").SetName("Plus979");
        yield return new TestCaseData(ExampleNumbers.For("JP", PhoneNumberType.MOBILE), "JP").SetName("OutsideAllowedCountries");
    }

    [TestCaseSource(nameof(Refused))]
    public async Task Dispatch_Returns403Blocked_AndPlacesNoCall(string number, string why)
    {
        var (status, body) = await Api.DispatchAsync(_api, number);

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((string?)body["status"], Is.EqualTo("blocked"));
        Assert.That((string?)body["message"], Does.Contain(why));
        Assert.That(await SimulatorCalls.ListAsync(_api, number), Is.Empty);
    }

    [Test]
    public async Task Breaker_OpensForACountryWhoseCallsNeverConvert_ShowsToAdmins_AndAResetClosesIt()
    {
        var numbers = Enumerable.Range(0, 4).Select(_ => ExampleNumbers.Fresh("DE", PhoneNumberType.MOBILE)).ToList();
        foreach (var n in numbers)
            Assert.That((await Api.DispatchAsync(_api, n)).Status, Is.EqualTo(HttpStatusCode.OK));
        foreach (var n in numbers)
            await SimulatorCalls.WaitForEndedAsync(_api, n, 1); // answered, as pumped numbers are, and never verified
        await Task.Delay(TimeSpan.FromSeconds(11)); // past CodeTtlSeconds: the sessions are now unconverted

        var next = ExampleNumbers.Fresh("DE", PhoneNumberType.MOBILE);
        var (status, body) = await Api.DispatchAsync(_api, next);
        var callsWhileOpen = await SimulatorCalls.ListAsync(_api, next);
        using var anonymous = await new HttpClient { BaseAddress = _api.BaseAddress }.GetAsync("/admin/breakers");
        var (listed, list) = await GetAsync("/admin/breakers");
        using var reset = await _admin.DeleteAsync("/admin/breakers/DE");
        var (afterStatus, _) = await Api.DispatchAsync(_api, next);

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((string?)body["message"], Does.Contain("DE").And.Contain("too few recent calls were verified"));
        Assert.That(callsWhileOpen, Is.Empty);
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(listed, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(list["breakers"]!.AsArray().Select(b => ((string?)b!["country"], (string?)b["reason"])),
            Does.Contain(("DE", "conversion")));
        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(afterStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_app.Output, Does.Contain("Circuit breaker for DE opened (conversion)"));
        Assert.That(_app.Output, Does.Not.Contain(next).And.Not.Contain(numbers[0]));
    }

    [Test]
    public async Task Dispatch_Returns403Blocked_OnceACountrysDailySpendCapIsReached_AndLogsTheEstimatedCost()
    {
        var first = ExampleNumbers.Fresh("FR", PhoneNumberType.MOBILE);
        var (opened, session) = await Api.DispatchAsync(_api, first);
        Assert.That(opened, Is.EqualTo(HttpStatusCode.OK));
        await SimulatorCalls.WaitForEndedAsync(_api, first, 1);
        await WaitForLogAsync("estimated cost 10");
        using var statusResponse = await _api.GetAsync($"/sessions/{(string?)session["session_uuid"]}");
        var sessionStatus = await Api.ReadAsync(statusResponse);

        var (status, body) = await Api.DispatchAsync(_api, ExampleNumbers.Fresh("FR", PhoneNumberType.MOBILE));
        var (other, _) = await Api.DispatchAsync(_api, ExampleNumbers.Fresh("GB", PhoneNumberType.MOBILE));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((string?)body["message"], Does.Contain("spend cap for this country"));
        Assert.That(other, Is.EqualTo(HttpStatusCode.OK), "the cap is per country");
        Assert.That(_app.Output, Does.Contain("18 s billed, estimated cost 10").And.Not.Contain(first));
        Assert.That((decimal?)sessionStatus["calls"]![0]!["estimated_cost"], Is.EqualTo(10m), "the status shows the call's cost");
    }

    private async Task<(HttpStatusCode, System.Text.Json.Nodes.JsonObject)> GetAsync(string path)
    {
        using var response = await _admin.GetAsync(path);
        return (response.StatusCode, await Api.ReadAsync(response));
    }

    // The spend is recorded by the hangup webhook, which the simulator calls after the call ends.
    private async Task WaitForLogAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_app.Output.Contains(text, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
    }
}
