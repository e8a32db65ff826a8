// Dispatches at a fixed rate to consecutive new numbers and measures, per call, the time from
// sending the dispatch to the fake Plivo receiving its Make-a-call request (same machine clock).
//   dotnet run scripts/bench/Rate.cs -- <engine url> <api key> <fake plivo url> <per second> <seconds> <first number>
// Prints: "sent N ok M failed F called C p50 X p99 Y calls/s R" (milliseconds; R is the calls
// received from the first to the last of its Make-a-call requests, per second).
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

var (engine, key, fake) = (args[0], args[1], args[2]);
var rate = int.Parse(args[3], CultureInfo.InvariantCulture);
var seconds = int.Parse(args[4], CultureInfo.InvariantCulture);
var first = long.Parse(args[5].TrimStart('+'), CultureInfo.InvariantCulture);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(engine) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

var sentAt = new ConcurrentDictionary<string, long>();
var ok = 0;
var failed = 0;
var tasks = new List<Task>();
var clock = Stopwatch.StartNew();
var total = rate * seconds;
for (var i = 0; i < total; i++)
{
    var due = TimeSpan.FromSeconds((double)i / rate);
    if (due > clock.Elapsed)
        await Task.Delay(due - clock.Elapsed);
    var number = "+" + (first + i).ToString(CultureInfo.InvariantCulture);
    tasks.Add(Task.Run(async () =>
    {
        sentAt[number] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var body = new StringContent($"{{\"destination_number\":\"{number}\"}}", Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.PostAsync("/dispatch_otp", body);
            Interlocked.Increment(ref response.IsSuccessStatusCode ? ref ok : ref failed);
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref failed);
        }
    }));
}
await Task.WhenAll(tasks);
await Task.Delay(2000);

var latencies = new List<long>();
long firstCall = long.MaxValue, lastCall = long.MinValue;
using var plain = new HttpClient();
foreach (var line in (await plain.GetStringAsync(fake + "/calls")).Split('\n', StringSplitOptions.RemoveEmptyEntries))
{
    var parts = line.Split(' ');
    if (!sentAt.TryGetValue(parts[1], out var sent))
        continue;
    var at = long.Parse(parts[0], CultureInfo.InvariantCulture);
    latencies.Add(at - sent);
    (firstCall, lastCall) = (Math.Min(firstCall, at), Math.Max(lastCall, at));
}
latencies.Sort();
long Percentile(double p) => latencies.Count == 0 ? -1 : latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(p * latencies.Count) - 1)];
var callRate = lastCall > firstCall ? (latencies.Count - 1) * 1000.0 / (lastCall - firstCall) : 0;
Console.WriteLine($"sent {total} ok {ok} failed {failed} called {latencies.Count} p50 {Percentile(0.50)} p99 {Percentile(0.99)} " +
    $"calls/s {callRate.ToString("F0", CultureInfo.InvariantCulture)}");
return failed == 0 && latencies.Count == total ? 0 : 1;
