using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Metrics;

// Reads /metrics as Prometheus would: text exposition format, one sample per line.
public sealed partial class MetricsEndpointTests
{
    [Test]
    public async Task Metrics_CountsADispatchAndAVerification()
    {
        using var api = TestEnvironment.Host.Client();
        using var scraper = TestEnvironment.Host.AnonymousClient();
        var number = TestPhones.Next();
        var before = await ScrapeAsync(scraper);

        var (dispatched, _) = await Api.DispatchAsync(api, number);
        var code = await SimulatorCalls.WaitForCodeAsync(api, number);
        var (verified, _) = await Api.VerifyAsync(api, number, code);
        var after = await ScrapeAsync(scraper);

        Assert.That(dispatched, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(verified, Is.EqualTo(HttpStatusCode.OK));
        // Other tests run alongside and may add to the same counters, hence "at least".
        Assert.That(Delta(before, after, "voiceotp_dispatches{outcome=\"opened\"}"), Is.GreaterThanOrEqualTo(1));
        Assert.That(Delta(before, after, "voiceotp_verifications{outcome=\"verified\"}"), Is.GreaterThanOrEqualTo(1));
        Assert.That(Delta(before, after, "voiceotp_calls_requested{country=\"GB\",outcome=\"placed\"}"), Is.GreaterThanOrEqualTo(1));
        Assert.That(Delta(before, after, "voiceotp_dispatch_to_verification_seconds_count"), Is.GreaterThanOrEqualTo(1));
        Assert.That(Delta(before, after, "voiceotp_dispatch_to_call_seconds_count"), Is.GreaterThanOrEqualTo(1));
        Assert.That(after.Keys, Has.Some.StartsWith("voiceotp_jobs_enqueued{queue=\"default\"}"), "calls are not Hangfire jobs any more; the event jobs are");
        Assert.That(after.Keys, Has.Some.StartsWith("voiceotp_jobs_failed"));
    }

    [Test]
    public async Task Metrics_CountsAVerifyRefusedByARateLimitKey_ApartFromNotFound()
    {
        using var api = TestEnvironment.Host.Client();
        using var scraper = TestEnvironment.Host.AnonymousClient();
        var user = "account-" + Guid.NewGuid().ToString("N");
        // The default VerifiesPerRateLimitKeyPerHour is 30: thirty unknown numbers, then one refused.
        for (var i = 0; i < 30; i++)
            await Api.PostAsync(api, "/verify_otp", new { destination_number = TestPhones.Next(), otp = "123456", rate_limit_key = user });
        var before = await ScrapeAsync(scraper);

        var (status, _) = await Api.PostAsync(api, "/verify_otp", new { destination_number = TestPhones.Next(), otp = "123456", rate_limit_key = user });
        var after = await ScrapeAsync(scraper);

        Assert.That(status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(Delta(before, after, "voiceotp_verifications{outcome=\"refused\"}"), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Metrics_NeverCarriesANumber()
    {
        using var api = TestEnvironment.Host.Client();
        using var scraper = TestEnvironment.Host.AnonymousClient();
        var number = TestPhones.Next();
        await Api.DispatchAsync(api, number);
        await SimulatorCalls.WaitForEndedAsync(api, number, 1);

        var text = await scraper.GetStringAsync("/metrics");

        Assert.That(text, Does.Not.Contain(number[1..]));
    }

    [Test]
    public async Task Metrics_Returns403_ForAProxiedRequest_WhenNoDashboardCredentialsAreSet()
    {
        using var client = TestEnvironment.Host.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private static async Task<Dictionary<string, double>> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        var samples = new Dictionary<string, double>();
        foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var m = Sample().Match(line);
            Assert.That(m.Success, Is.True, $"not a Prometheus sample line: {line}");
            samples[m.Groups["series"].Value] = double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return samples;
    }

    private static double Delta(Dictionary<string, double> before, Dictionary<string, double> after, string series)
    {
        Assert.That(after, Contains.Key(series), "series missing from /metrics");
        return after[series] - before.GetValueOrDefault(series);
    }

    [GeneratedRegex(@"^(?<series>[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*=""([^""\\]|\\.)*"",?)*\})?) (?<value>\S+)( -?\d+)?$")]
    private static partial Regex Sample();
}
