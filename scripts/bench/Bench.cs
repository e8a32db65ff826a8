#:property PublishAot=false

// Load benchmark for a running VoiceOtp with the Plivo simulator: dispatches OTPs to many numbers,
// waits until every simulated call has spoken its code, then verifies them all, and reports
// latency percentiles and throughput per phase. Run through scripts/bench.sh.
//
//   dotnet run scripts/bench/Bench.cs -- <base-url> <api-key> [sessions] [concurrency]

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

var baseUrl = args.Length > 0 ? args[0] : "http://127.0.0.1:5100";
var apiKey = args.Length > 1 ? args[1] : Environment.GetEnvironmentVariable("VOICEOTP_API_KEY") ?? "";
var sessions = args.Length > 2 ? int.Parse(args[2]) : 1000;
var concurrency = args.Length > 3 ? int.Parse(args[3]) : 16;

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
{
    BaseAddress = new Uri(baseUrl),
    Timeout = TimeSpan.FromSeconds(30),
};
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);

// Ofcom's drama ranges (020 7946 0xxx, 0161 496 0xxx, ...): valid numbers that reach nobody.
string[] ranges = ["+442079460", "+441614960", "+441134960", "+441214960", "+441314960", "+441414960"];
if (sessions > ranges.Length * 1000)
    throw new ArgumentOutOfRangeException(nameof(sessions), $"at most {ranges.Length * 1000} sessions");
var numbers = Enumerable.Range(0, sessions).Select(i => $"{ranges[i / 1000]}{i % 1000:000}").ToArray();

Console.WriteLine($"VoiceOtp benchmark: {sessions} sessions, {concurrency} concurrent clients, {baseUrl}");

// Warm-up: JIT, connection pool, Lua script cache.
await Phase("warm-up verify (not_found)", 200, i => Verify(new { destination_number = numbers[i % sessions], otp = "000000" }), HttpStatusCode.NotFound);

var dispatchClock = Stopwatch.StartNew();
await Phase("dispatch_otp (new session + Hangfire enqueue)", sessions,
    i => Post("/dispatch_otp", new { destination_number = numbers[i] }), HttpStatusCode.OK);

// Every call goes Hangfire -> Make-a-call -> signed answer webhook -> XML -> hangup webhook.
var codes = new Dictionary<string, string>();
var spokenCode = new Regex(@"\d(?: \d){3,7}(?!\d)");
while (codes.Count < sessions)
{
    var body = await http.GetFromJsonAsync<JsonObject>("/simulator/calls");
    foreach (var call in body!["calls"]!.AsArray())
    {
        var heard = (string?)call!["heard"];
        if (heard is not null && spokenCode.Match(heard) is { Success: true } m)
            codes[(string)call["to"]!] = m.Value.Replace(" ", "");
    }
    if (dispatchClock.Elapsed > TimeSpan.FromMinutes(2))
        throw new TimeoutException($"only {codes.Count} of {sessions} calls spoke a code within 2 minutes");
    if (codes.Count < sessions)
        await Task.Delay(100);
}
Console.WriteLine($"{"calls: dispatch start -> every code spoken",-52} {sessions / dispatchClock.Elapsed.TotalSeconds,9:F0} calls/s  ({dispatchClock.Elapsed.TotalSeconds:F1} s for {sessions})");

await Phase("dispatch_otp again (joins pending session)", sessions,
    i => Post("/dispatch_otp", new { destination_number = numbers[i] }), HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
await Phase("verify_otp wrong code (422 rejected)", sessions,
    i => Verify(new { destination_number = numbers[i], otp = Wrong(codes[numbers[i]]) }), (HttpStatusCode)422);
await Phase("verify_otp right code (200 success)", sessions,
    i => Verify(new { destination_number = numbers[i], otp = codes[numbers[i]] }), HttpStatusCode.OK);
await Phase("verify_otp after use (404 not_found)", sessions,
    i => Verify(new { destination_number = numbers[i], otp = codes[numbers[i]] }), HttpStatusCode.NotFound);

Task<HttpResponseMessage> Verify(object body) => Post("/verify_otp", body);

Task<HttpResponseMessage> Post(string path, object body) => http.PostAsJsonAsync(path, body);

static string Wrong(string code) => (code[0] == '9' ? "0" : ((char)(code[0] + 1)).ToString()) + code[1..];

async Task Phase(string name, int count, Func<int, Task<HttpResponseMessage>> send, params HttpStatusCode[] expected)
{
    var latencies = new double[count];
    var unexpected = new ConcurrentDictionary<HttpStatusCode, int>();
    var next = -1;
    var clock = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await send(i);
            await response.Content.ReadAsByteArrayAsync();
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!expected.Contains(response.StatusCode))
                unexpected.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
        }
    });
    await Task.WhenAll(workers);
    var seconds = clock.Elapsed.TotalSeconds;
    Array.Sort(latencies);
    double P(double q) => latencies[Math.Min(count - 1, (int)Math.Ceiling(q * count) - 1)];
    Console.WriteLine($"{name,-52} {count / seconds,9:F0} req/s  p50 {P(0.50),6:F2} ms  p95 {P(0.95),6:F2} ms  p99 {P(0.99),6:F2} ms  max {latencies[^1],7:F2} ms"
        + (unexpected.IsEmpty ? "" : "  UNEXPECTED: " + string.Join(", ", unexpected.Select(u => $"{(int)u.Key} x{u.Value}"))));
    if (!unexpected.IsEmpty)
        Environment.ExitCode = 1;
}
