#:sdk Microsoft.NET.Sdk.Web
// A fast stand-in for Plivo's Make-a-call API on loopback, for the benchmark only: it checks
// nothing, answers 201 with a request_uuid, and remembers when each call to which number arrived.
//   dotnet run scripts/bench/FakePlivo.cs -- <port>
// GET /calls lists "unix-ms number" per received call; GET /count prints how many arrived.
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls($"http://127.0.0.1:{args[0]}");
builder.Logging.ClearProviders();
var app = builder.Build();
var calls = new ConcurrentQueue<(long At, string To)>();
var to = new Regex("\"to\"\\s*:\\s*\"([^\"]+)\"", RegexOptions.Compiled);

app.MapPost("/v1/Account/{authId}/Call/", async (HttpRequest request, HttpResponse response) =>
{
    using var reader = new StreamReader(request.Body);
    var body = await reader.ReadToEndAsync();
    var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    var match = to.Match(body);
    // System.Text.Json writes "+" as \u002B.
    calls.Enqueue((at, match.Success ? match.Groups[1].Value.Replace("\\u002B", "+") : "?"));
    response.StatusCode = 201;
    response.ContentType = "application/json";
    await response.WriteAsync($"{{\"api_id\":\"{Guid.NewGuid()}\",\"message\":\"call fired\",\"request_uuid\":\"{Guid.NewGuid()}\"}}");
});
app.MapGet("/count", () => calls.Count.ToString(CultureInfo.InvariantCulture));
app.MapGet("/calls", () =>
{
    var text = new StringBuilder();
    foreach (var (at, number) in calls)
        text.Append(CultureInfo.InvariantCulture, $"{at} {number}\n");
    return text.ToString();
});
app.Run();
