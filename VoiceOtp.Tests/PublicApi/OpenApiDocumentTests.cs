using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.PublicApi;

// The OpenAPI document against the wire: every status it lists for dispatch and verify is produced
// for real, and each answer's property names must be ones the documented schema declares.
public sealed class OpenApiDocumentTests
{
    private JsonObject _doc = null!;
    private RedisServer _downRedis = null!;
    private AppProcess _redisDownApp = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        using var client = TestEnvironment.Host.AnonymousClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _doc = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        // A second app whose Redis goes away after start-up, for the 503 answers; in demo mode, so it
        // also serves the interactive page.
        _downRedis = await RedisServer.StartAsync();
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var run = Guid.NewGuid().ToString("N")[..8];
        var settings = TestSettings.For(baseUrl, _downRedis.Configuration, $"oa:{{{run}}}:", $"{{oa-jobs-{run}}}:");
        settings["Demo:Enabled"] = "true";
        _redisDownApp = AppProcess.Start(baseUrl, settings);
        await _redisDownApp.WaitUntilListeningAsync();
        await _downRedis.StopAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _redisDownApp.DisposeAsync();
        await _downRedis.DisposeAsync();
    }

    [Test]
    public void Document_IsOpenApi3_WithThePublicApiOnly_AndTheBearerScheme()
    {
        Assert.That((string?)_doc["openapi"], Does.StartWith("3."));
        Assert.That((string?)_doc["info"]?["title"], Is.Not.Empty);
        Assert.That((string?)_doc["info"]?["version"], Is.Not.Empty);
        var paths = _doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.That(paths, Is.EquivalentTo(new[] { "/dispatch_otp", "/dispatch_otp/{destinationNumber}", "/verify_otp", "/sessions/{sessionUuid}" }));
        foreach (var (_, path) in _doc["paths"]!.AsObject())
            foreach (var (_, operation) in path!.AsObject())
                Assert.That(operation!["responses"]!.AsObject(), Is.Not.Empty);
        var bearer = _doc["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.That((string?)bearer["type"], Is.EqualTo("http"));
        Assert.That((string?)bearer["scheme"], Is.EqualTo("bearer"));
        Assert.That(_doc["security"]!.AsArray()[0]!.AsObject().Select(s => s.Key), Is.EqualTo(new[] { "Bearer" }));
    }

    [Test]
    public async Task InteractivePage_IsServed_InDemoMode()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_redisDownApp.BaseUrl) };

        using var response = await client.GetAsync("/scalar/v1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
    }

    [Test]
    public void Schemas_UseTheWireNames()
    {
        Assert.That(Properties(RequestSchema("/dispatch_otp")), Is.EquivalentTo(new[] { "destination_number", "brand_name", "callback_url", "client_ip", "rate_limit_key" }));
        Assert.That(Properties(RequestSchema("/verify_otp")), Is.EquivalentTo(new[] { "destination_number", "session_uuid", "otp", "client_ip", "rate_limit_key" }));
        Assert.That(Properties(ResponseSchema("/verify_otp", "200")),
            Is.EquivalentTo(new[] { "status", "message", "session_uuid", "expires_at", "attempts_remaining", "retry_after" }));
        Assert.That(Properties(ResponseSchema("/sessions/{sessionUuid}", "200", "get")),
            Is.SupersetOf(new[] { "status", "message", "session_uuid", "session_status", "expires_at", "calls" }));
    }

    [Test]
    public async Task DispatchOtp_AnswersEveryDocumentedStatus_WithTheDocumentedShape()
    {
        using var api = TestEnvironment.Host.Client();
        var producers = new Dictionary<string, Func<Task<HttpResponseMessage>>>
        {
            ["200"] = () => Post(api, "/dispatch_otp", new { destination_number = TestPhones.Next() }),
            ["400"] = () => Post(api, "/dispatch_otp", new { destination_number = "12" }),
            ["401"] = () => Post(TestEnvironment.Host.AnonymousClient(), "/dispatch_otp", new { destination_number = TestPhones.Next() }),
            ["413"] = () => Post(api, "/dispatch_otp", new { destination_number = TestPhones.Next(), brand_name = new string('a', 70_000) }),
            ["403"] = () => Post(api, "/dispatch_otp",
                new { destination_number = ExampleNumbers.For("GB", PhoneNumbers.PhoneNumberType.PREMIUM_RATE) }),
            ["415"] = () => api.PostAsync("/dispatch_otp", new StringContent("destination_number=1", Encoding.UTF8, "text/plain")),
            ["429"] = async () =>
            {
                var number = TestPhones.Next();
                for (var i = 0; i < 4; i++)
                    (await Post(api, "/dispatch_otp", new { destination_number = number })).Dispose();
                return await Post(api, "/dispatch_otp", new { destination_number = number });
            },
            ["503"] = () => Post(RedisDownClient(), "/dispatch_otp", new { destination_number = TestPhones.Next() }),
        };

        await CheckAllAsync("post", "/dispatch_otp", producers);
    }

    [Test]
    public async Task VerifyOtp_AnswersEveryDocumentedStatus_WithTheDocumentedShape()
    {
        using var api = TestEnvironment.Host.Client();
        async Task<(string Number, string Code)> DispatchedAsync()
        {
            var number = TestPhones.Next();
            await Api.DispatchAsync(api, number);
            return (number, await SimulatorCalls.WaitForCodeAsync(api, number));
        }
        string Wrong(string code) => (code[0] == '9' ? "0" : ((char)(code[0] + 1)).ToString()) + code[1..];

        var producers = new Dictionary<string, Func<Task<HttpResponseMessage>>>
        {
            ["200"] = async () =>
            {
                var (number, code) = await DispatchedAsync();
                return await Post(api, "/verify_otp", new { destination_number = number, otp = code });
            },
            ["400"] = () => Post(api, "/verify_otp", new { destination_number = TestPhones.Next(), otp = "12" }),
            ["401"] = () => Post(TestEnvironment.Host.AnonymousClient(), "/verify_otp", new { destination_number = TestPhones.Next(), otp = "123456" }),
            ["404"] = () => Post(api, "/verify_otp", new { destination_number = TestPhones.Next(), otp = "123456" }),
            ["413"] = () => Post(api, "/verify_otp", new { destination_number = new string('1', 70_000), otp = "123456" }),
            ["415"] = () => api.PostAsync("/verify_otp", new StringContent("otp=123456", Encoding.UTF8, "text/plain")),
            ["422"] = async () =>
            {
                var (number, code) = await DispatchedAsync();
                return await Post(api, "/verify_otp", new { destination_number = number, otp = Wrong(code) });
            },
            ["429"] = async () =>
            {
                var (number, code) = await DispatchedAsync();
                for (var i = 0; i < 5; i++)
                    (await Post(api, "/verify_otp", new { destination_number = number, otp = Wrong(code) })).Dispose();
                return await Post(api, "/verify_otp", new { destination_number = number, otp = code });
            },
            ["503"] = () => Post(RedisDownClient(), "/verify_otp", new { destination_number = TestPhones.Next(), otp = "123456" }),
        };

        await CheckAllAsync("post", "/verify_otp", producers);
    }

    [Test]
    public async Task SessionStatus_AnswersEveryDocumentedStatus_WithTheDocumentedShape()
    {
        using var api = TestEnvironment.Host.Client();
        var producers = new Dictionary<string, Func<Task<HttpResponseMessage>>>
        {
            ["200"] = async () =>
            {
                var (_, opened) = await Api.DispatchAsync(api, TestPhones.Next());
                return await api.GetAsync($"/sessions/{(string?)opened["session_uuid"]}");
            },
            ["400"] = () => api.GetAsync("/sessions/not-a-uuid"),
            ["401"] = () => TestEnvironment.Host.AnonymousClient().GetAsync($"/sessions/{Guid.NewGuid()}"),
            ["404"] = () => api.GetAsync($"/sessions/{Guid.NewGuid()}"),
            ["503"] = () => RedisDownClient().GetAsync($"/sessions/{Guid.NewGuid()}"),
        };

        await CheckAllAsync("get", "/sessions/{sessionUuid}", producers);
    }

    private async Task CheckAllAsync(string method, string path, Dictionary<string, Func<Task<HttpResponseMessage>>> producers)
    {
        var responses = _doc["paths"]![path]![method]!["responses"]!.AsObject();
        Assert.That(producers.Keys, Is.EquivalentTo(responses.Select(r => r.Key)), "a producer for each documented status");
        foreach (var (status, produce) in producers)
        {
            using var response = await produce();
            Assert.That(((int)response.StatusCode).ToString(), Is.EqualTo(status), $"{path} {status}");
            var body = await Api.ReadAsync(response);
            var documented = Properties(ResponseSchema(path, status, method));
            Assert.That(body.Select(p => p.Key), Is.SubsetOf(documented), $"{path} {status}: undocumented property");
            Assert.That(body.Select(p => p.Key), Does.Contain("status").And.Contain("message"), $"{path} {status}");
            if (status == "503")
                Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)), $"{path} 503 Retry-After");
        }
    }

    private HttpClient RedisDownClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(_redisDownApp.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.ApiKey);
        return client;
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body) =>
        client.PostAsync(path, new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    private JsonObject RequestSchema(string path) =>
        Resolve(_doc["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!);

    private JsonObject ResponseSchema(string path, string status, string method = "post") =>
        Resolve(_doc["paths"]![path]![method]!["responses"]![status]!["content"]!["application/json"]!["schema"]!);

    private JsonObject Resolve(JsonNode schema)
    {
        var reference = (string?)schema["$ref"];
        return reference is null ? schema.AsObject() : _doc["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject();
    }

    private static List<string> Properties(JsonObject schema) => [.. schema["properties"]!.AsObject().Select(p => p.Key)];
}
