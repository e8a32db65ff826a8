using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace VoiceOtp.Tests.Infrastructure;

// Small helpers for calling the public API the way a product backend would.
public static class Api
{
    public static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(HttpClient client, string path, object? body)
    {
        using var response = body is null
            ? await client.PostAsync(path, null)
            : await client.PostAsJsonAsync(path, body);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), "every answer is JSON");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static Task<(HttpStatusCode Status, JsonObject Body)> DispatchAsync(HttpClient client, string number) =>
        PostAsync(client, "/dispatch_otp", new { destination_number = number });

    public static Task<(HttpStatusCode Status, JsonObject Body)> VerifyAsync(HttpClient client, string number, string otp) =>
        PostAsync(client, "/verify_otp", new { destination_number = number, otp });

    // A code of the same length that surely differs from the given one.
    public static string Wrong(string code) => (code[0] == '9' ? "0" : ((char)(code[0] + 1)).ToString()) + code[1..];
}
