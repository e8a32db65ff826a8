using System.Text;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Hostile;

// What each endpoint family answers to a request it refuses:
// - ApiJson: the public API, the demo API, the breaker admin API, the simulator's inspection API
//   and every bare status (unknown route, wrong verb, wrong media type, body too large): the status,
//   Content-Type application/json, and a JSON object with string "status" and "message" (the word
//   given, when there is one).
// - EmptyForbidden: a Plivo webhook whose signature is missing, wrong, re-signed or replayed,
//   or whose form cannot be read: 403 with an empty body (Plivo reads nothing; a forger learns nothing).
// - PlivoJson: the simulator's Make-a-call API, which answers as Plivo does: {"api_id", "error"}.
// - BasicChallenge: the Hangfire dashboard without credentials: 401 with WWW-Authenticate: Basic.
// - Kestrel: a request Kestrel refuses while parsing it (request line or headers over its limits)
//   never reaches the app: the status, and no body.
public enum Shape { ApiJson, EmptyForbidden, PlivoJson, BasicChallenge, Kestrel }

public sealed record Expectation(int Status, Shape Shape, string? Word = null)
{
    public override string ToString() => $"{Status} {Shape}{(Word is null ? "" : " " + Word)}";
}

// One row of the table. Prepare may do legitimate work first (a replay needs its original to have
// been accepted); the Redis picture is taken after that and compared around the hostile request.
public sealed record HostileCase(string Name, Expectation Expect, Func<HostileApps, Task<HttpRequestMessage>> Prepare)
{
    public HostileCase(string name, Expectation expect, Func<HostileApps, HttpRequestMessage> build)
        : this(name, expect, apps => Task.FromResult(build(apps)))
    {
    }

    public override string ToString() => Name;

    public static HttpRequestMessage Post(string baseUrl, string path, HttpContent? content, string? bearer = "key") =>
        With(new HttpRequestMessage(HttpMethod.Post, baseUrl + path) { Content = content }, bearer);

    public static HttpRequestMessage Send(HttpMethod method, string baseUrl, string path, string? bearer = "key") =>
        With(new HttpRequestMessage(method, baseUrl + path), bearer);

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static ByteArrayContent Bytes(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new(mediaType);
        return content;
    }

    // "key" means the configured API key; anything else is sent as given.
    private static HttpRequestMessage With(HttpRequestMessage request, string? bearer)
    {
        if (bearer is not null)
            request.Headers.Authorization = new("Bearer", bearer == "key" ? TestSettings.ApiKey : bearer);
        return request;
    }
}
