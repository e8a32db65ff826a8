using System.Net.Http.Headers;
using System.Text.Json;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Hostile;

// Every refused request gets the answer its endpoint family promises (see Shape) and leaves Redis
// exactly as it was: every key under both engines' prefixes and Hangfire's, with its type, value
// and TTL presence. No row may ever get a 500.
[NonParallelizable]
public sealed class HostileInputTests
{
    private const int OversizedBody = 64 * 1024;

    private HostileApps _apps = null!;

    public static IEnumerable<TestCaseData> Cases() =>
        AllRows().Select(c => new TestCaseData(c).SetName("Hostile(" + c.Name + ")"));

    private static IEnumerable<HostileCase> AllRows() =>
        PublicApiHostileCases.All().Concat(WebhookHostileCases.All()).Concat(DemoHostileCases.All()).Concat(AdminHostileCases.All());

    [OneTimeSetUp]
    public async Task StartAsync() => _apps = await HostileApps.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_apps is not null)
            await _apps.DisposeAsync();
    }

    [Test]
    public void Table_HasAtLeastFortyRows_CoveringEveryEndpointFamily()
    {
        var rows = AllRows().ToList();

        Assert.That(rows, Has.Count.GreaterThanOrEqualTo(40));
        Assert.That(rows.Select(r => r.Name).Distinct().Count(), Is.EqualTo(rows.Count), "names are unique");
        Assert.That(rows.Select(r => r.Expect.Shape).Distinct(), Is.EquivalentTo(Enum.GetValues<Shape>()));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Hostile_IsRefusedWithTheFamilysAnswer_AndChangesNothingInRedis(HostileCase row)
    {
        using var request = await row.Prepare(_apps);
        // The engine refuses a body over its limit before reading it and then closes the connection;
        // a client still writing the rest may see a broken pipe instead of the answer, depending on
        // the socket buffers. Waiting for 100-continue is how a client hears that refusal for sure.
        if (request.Content?.Headers.ContentLength > OversizedBody)
            request.Headers.ExpectContinue = true;
        var before = await QuietSnapshotAsync();

        using var http = new HttpClient();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var after = await QuietSnapshotAsync();

        Assert.That((int)response.StatusCode, Is.Not.EqualTo(500).And.EqualTo(row.Expect.Status), body);
        AssertShape(row.Expect, response, body);
        Assert.That(body, Does.Not.Contain(TestSettings.PlivoAuthToken).And.Not.Contain(TestSettings.ApiKey));
        Assert.That(RedisSnapshot.Diff(before, after), Is.Empty, "Redis must be unchanged");
        Assert.That(before, Is.Not.Empty, "the picture covers the engines' keys");
    }

    private static void AssertShape(Expectation expect, HttpResponseMessage response, string body)
    {
        switch (expect.Shape)
        {
            case Shape.ApiJson:
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), body);
                using (var json = JsonDocument.Parse(body))
                {
                    var root = json.RootElement;
                    Assert.That(root.ValueKind, Is.EqualTo(JsonValueKind.Object));
                    Assert.That(root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String, Is.True, body);
                    Assert.That(root.TryGetProperty("message", out var message) && message.GetString()!.Length > 0, Is.True, body);
                    if (expect.Word is not null)
                        Assert.That(status.GetString(), Is.EqualTo(expect.Word));
                }
                break;
            case Shape.EmptyForbidden or Shape.Kestrel:
                Assert.That(body, Is.Empty);
                break;
            case Shape.PlivoJson:
                using (var json = JsonDocument.Parse(body))
                    Assert.That(json.RootElement.TryGetProperty("error", out _) && json.RootElement.TryGetProperty("api_id", out _), Is.True, body);
                break;
            case Shape.BasicChallenge:
                Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Has.Member("Basic"));
                break;
        }
    }

    // Background work that legitimately follows the preparation (a call job finishing, Hangfire
    // recording a state) settles first: the picture is taken once two readings in a row agree.
    // Hangfire's own liveness keys (server heartbeats, short-lived locks) change with the clock,
    // not with requests, and are left out.
    private async Task<SortedDictionary<string, string>> QuietSnapshotAsync()
    {
        var last = await RedisSnapshot.TakeAsync(TestEnvironment.Redis.Connection, _apps.Prefixes, IsHangfireLiveness);
        for (var i = 0; i < 200; i++)
        {
            await Task.Delay(100);
            var next = await RedisSnapshot.TakeAsync(TestEnvironment.Redis.Connection, _apps.Prefixes, IsHangfireLiveness);
            if (RedisSnapshot.Diff(last, next).Count == 0)
                return next;
            last = next;
        }
        Assert.Fail("Redis never settled:\n" + string.Join("\n", RedisSnapshot.Diff(last, await RedisSnapshot.TakeAsync(
            TestEnvironment.Redis.Connection, _apps.Prefixes, IsHangfireLiveness))));
        return last;
    }

    private bool IsHangfireLiveness(string key) =>
        _apps.JobsPrefixes.FirstOrDefault(p => key.StartsWith(p, StringComparison.Ordinal)) is { } prefix
        && (key[prefix.Length..].StartsWith("server", StringComparison.Ordinal) || key[prefix.Length..].Contains("lock", StringComparison.Ordinal));
}
