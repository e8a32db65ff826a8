using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VoiceOtp.Tests.Infrastructure;

// Reads the simulator's record of calls, the way a developer would with curl.
public static partial class SimulatorCalls
{
    public static async Task<JsonArray> ListAsync(HttpClient client, string to)
    {
        var body = await client.GetFromJsonAsync<JsonObject>($"/simulator/calls?to={Uri.EscapeDataString(to)}");
        return body!["calls"]!.AsArray();
    }

    // Waits (bounded) until `count` calls to the number have ended, and returns them. Calls travel
    // through Hangfire and two webhooks, so they finish some time after the dispatch returned.
    public static async Task<JsonArray> WaitForEndedAsync(HttpClient client, string to, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var calls = await ListAsync(client, to);
            var ended = calls.Where(c => c!["hangup_http_status"] is not null).ToList();
            if (ended.Count >= count || DateTime.UtcNow > deadline)
                return calls;
            await Task.Delay(50);
        }
    }

    public static async Task<string> WaitForCodeAsync(HttpClient client, string to, int call = 1)
    {
        var calls = await WaitForEndedAsync(client, to, call);
        Assert.That(calls, Has.Count.GreaterThanOrEqualTo(call), $"expected {call} simulated call(s)");
        return CodeIn((string?)calls[call - 1]!["heard"]);
    }

    // The simulator spells the code out digit by digit: "... code is 4 8 2 9 1 3. Again, ..."
    public static string CodeIn(string? heard)
    {
        Assert.That(heard, Is.Not.Null, "the call spoke nothing");
        var match = SpokenCode().Match(heard!);
        Assert.That(match.Success, Is.True, "no spoken code in the call");
        return match.Value.Replace(" ", "");
    }

    // The heard text grows while the call plays, so a reader waits until the code is in it.
    public static bool HasCode(string? heard) => heard is not null && SpokenCode().IsMatch(heard);

    [GeneratedRegex(@"\d(?: \d){3,7}(?!\d)")]
    private static partial Regex SpokenCode();
}
