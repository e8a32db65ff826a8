using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Hangfire.Redis.StackExchange;
using Hangfire.Storage.Monitoring;
using Newtonsoft.Json;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Secrets;

// After one LoggedFlow, nothing the engine wrote to its log, kept in Redis (its own keys and
// Hangfire's), kept as Hangfire job data, or shows on the dashboard contains a code it spoke, a call
// token, a configured secret, or a full number.
[NonParallelizable]
public sealed class SecretsNeverLeakTests
{
    private LoggedFlow _flow = null!;

    [OneTimeSetUp]
    public async Task RunFlowAsync()
    {
        _flow = await LoggedFlow.StartAsync();
        try
        {
            await _flow.RunAsync();
        }
        catch (Exception e) when (e is AssertionException or HttpRequestException)
        {
            // The flow's own assertions say what was missing; the engine's log says why.
            var tail = _flow.App.Output.Split('\n').TakeLast(60);
            throw new AssertionException($"{e.Message}\nengine exited: {_flow.App.HasExited}\n" +
                $"the engine's last log lines:\n{string.Join('\n', tail)}", e);
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_flow is not null)
            await _flow.DisposeAsync();
    }

    [Test]
    public void Log_ContainsNoSecret_AfterAFullFlowWithFailures()
    {
        var log = _flow.App.Output;

        Assert.That(_flow.Codes, Has.Count.EqualTo(3), "three calls were answered and spoke a code");
        Assert.That(log, Does.Contain("dbug:"), "the capture is at Debug level at least");
        Assert.That(log, Does.Contain(TestPhones.Masked(_flow.Numbers[0])), "numbers are logged, masked");
        AssertFree("the log", log, includeConfiguredSecrets: true);
    }

    [Test]
    public void JobData_ContainsNoNumberCodeOrToken()
    {
        var monitoring = new RedisStorage(TestEnvironment.Redis.Connection,
            new RedisStorageOptions { Prefix = _flow.Settings["Redis:JobsPrefix"] }).GetMonitoringApi();
        var ids = monitoring.SucceededJobs(0, 1000).Select(j => j.Key)
            .Concat(monitoring.FailedJobs(0, 1000).Select(j => j.Key))
            .Concat(monitoring.ScheduledJobs(0, 1000).Select(j => j.Key))
            .Concat(monitoring.ProcessingJobs(0, 1000).Select(j => j.Key))
            .Concat(monitoring.Queues().SelectMany(q => monitoring.EnqueuedJobs(q.Name, 0, 1000).Select(j => j.Key)))
            .Distinct().ToList();

        var text = new StringBuilder();
        foreach (var id in ids)
            text.AppendLine(Describe(monitoring.JobDetails(id)));

        Assert.That(ids, Is.Not.Empty, "the flow left jobs behind (event deliveries)");
        AssertFree("the job data", text.ToString(), includeConfiguredSecrets: true);
    }

    [Test]
    public async Task DashboardPages_ContainNoNumberCodeOrToken()
    {
        var monitoring = new RedisStorage(TestEnvironment.Redis.Connection,
            new RedisStorageOptions { Prefix = _flow.Settings["Redis:JobsPrefix"] }).GetMonitoringApi();
        var ids = monitoring.SucceededJobs(0, 1000).Select(j => j.Key).Concat(monitoring.FailedJobs(0, 1000).Select(j => j.Key));
        var pages = new[] { "", "/jobs/enqueued", "/jobs/scheduled", "/jobs/processing", "/jobs/succeeded", "/jobs/failed",
            "/jobs/deleted", "/jobs/awaiting", "/retries", "/servers", "/recurring", "/calls" }
            .Concat(ids.Select(id => "/jobs/details/" + id)).ToList();
        using var http = new HttpClient { BaseAddress = new Uri(_flow.App.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + LoggedFlow.DashboardPassword)));

        var html = new StringBuilder();
        foreach (var page in pages)
        {
            using var response = await http.GetAsync("/hangfire" + page);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), page);
            html.AppendLine(await response.Content.ReadAsStringAsync());
        }

        Assert.That(html.ToString(), Does.Contain("/hangfire/jobs/details/"), "the pages list the flow's jobs");
        AssertFree("the dashboard", html.ToString(), includeConfiguredSecrets: true);
    }

    // Every key name and every value (strings, hash fields and values, list, set and sorted-set
    // members) under the engine's prefix and Hangfire's, read after the whole flow.
    [Test]
    public async Task Redis_HoldsNoFullNumber_InAnyKeyOrValue_AfterAFullFlow()
    {
        var picture = await RedisSnapshot.TakeAsync(TestEnvironment.Redis.Connection,
            [_flow.Settings["Redis:KeyPrefix"], _flow.Settings["Redis:JobsPrefix"]]);
        var everything = string.Join("\n", picture.Select(e => e.Key + " => " + e.Value));
        var prefix = _flow.Settings["Redis:KeyPrefix"];

        Assert.That(picture.Keys, Has.Some.StartsWith(prefix + "session:"), "the flow's sessions are in the scan");
        Assert.That(picture.Keys, Has.Some.StartsWith(prefix + "wrong_codes:"), "so is the locked number's wrong-code log");
        Assert.That(picture.Keys, Has.Some.StartsWith(prefix + "status:"));
        Assert.That(picture.Keys, Has.Some.StartsWith(prefix + "call:"), "and the call records with their token digests");
        Assert.That(picture.Keys, Has.Some.StartsWith(prefix + "events:event:"), "and the events' outbox records");
        Assert.That(picture.Keys, Has.Some.StartsWith(_flow.Settings["Redis:JobsPrefix"] + "job:"), "and Hangfire's jobs");
        Assert.That(everything, Does.Contain(TestPhones.Masked(_flow.Numbers[0])), "the status keeps the masked number");
        AssertFree("Redis", everything, includeConfiguredSecrets: true);
    }

    private void AssertFree(string where, string text, bool includeConfiguredSecrets)
    {
        foreach (var code in _flow.Codes)
            Assert.That(Regex.IsMatch(text, $"(?<![0-9]){code}(?![0-9])"), Is.False, $"a spoken code is in {where}");
        foreach (var token in _flow.CallTokens)
            Assert.That(text, Does.Not.Contain(token), $"a call token is in {where}");
        foreach (var number in _flow.Numbers)
        {
            Assert.That(text, Does.Not.Contain(number[1..]), $"a full number (E.164 digits) is in {where}");
            Assert.That(text, Does.Not.Contain(number[3..]), $"a full number (national digits) is in {where}");
        }
        if (!includeConfiguredSecrets)
            return;
        var secrets = new Dictionary<string, string>
        {
            ["Plivo:AuthToken"] = TestSettings.PlivoAuthToken,
            ["VoiceOtp:ApiKeys"] = TestSettings.ApiKey,
            ["VoiceOtp:CodeKey"] = TestSettings.CodeKey,
            ["VoiceOtp:CallbackSecret"] = TestSettings.CallbackSecret,
            ["Dashboard:Password"] = LoggedFlow.DashboardPassword,
        };
        if (_flow.Settings.TryGetValue("Redis:Password", out var redisPassword) && redisPassword.Length > 0)
            secrets["Redis:Password"] = redisPassword;
        foreach (var (key, secret) in secrets)
            Assert.That(text, Does.Not.Contain(secret), $"{key} is in {where}");
    }

    private static string Describe(JobDetailsDto job) => JsonConvert.SerializeObject(new
    {
        job.Job?.Type.FullName,
        job.Job?.Method.Name,
        job.Job?.Args,
        job.Properties,
        History = job.History.Select(h => new { h.StateName, h.Reason, h.Data }),
    });
}
