using System.Text;
using static VoiceOtp.Tests.Hostile.HostileCase;

namespace VoiceOtp.Tests.Hostile;

// The demo page's API, on the simulator engine where Demo:Enabled is on. The page's own requests
// carry the demo header; these rows leave it out, send it from another site, or send it with input
// the page would never produce. None may dispatch, verify or touch a call.
public static class DemoHostileCases
{
    private static readonly Expectation Forbidden = new(403, Shape.ApiJson, "forbidden");
    private static readonly Expectation InvalidNumber = new(400, Shape.ApiJson, "invalid_number");
    private static readonly Expectation Invalid = new(400, Shape.ApiJson, "invalid");

    public static IEnumerable<HostileCase> All()
    {
        yield return new("demo start: without the demo header", Forbidden, a =>
            Post(a.Simulator.BaseUrl, "/demo/api/start", Json(Number()), null));
        yield return new("demo start: from another site", Forbidden, a =>
        {
            var request = Demo(a, "/demo/api/start", Json(Number()));
            request.Headers.Add("Sec-Fetch-Site", "cross-site");
            return request;
        });
        yield return new("demo start: demo header with another value", Forbidden, a =>
        {
            var request = Post(a.Simulator.BaseUrl, "/demo/api/start", Json(Number()), null);
            request.Headers.Add("X-VoiceOtp-Demo", "true");
            return request;
        });
        yield return Row("demo start: not a number", "/demo/api/start", """{"phone": "call me"}""", InvalidNumber);
        yield return Row("demo start: full-width digits", "/demo/api/start", """{"phone": "＋４４２０７９４６０１２３"}""", InvalidNumber);
        yield return Row("demo start: 10 000-character number", "/demo/api/start", "{\"phone\": \"+" + new string('4', 10_000) + "\"}", InvalidNumber);
        yield return Row("demo start: phone a JSON number", "/demo/api/start", """{"phone": 442079460123}""", Invalid);
        yield return Row("demo start: JSON array", "/demo/api/start", """[{"phone": "+442079460123"}]""", Invalid);
        yield return Row("demo start: truncated JSON", "/demo/api/start", """{"phone": "+4420""", Invalid);
        yield return new("demo start: text/plain", new(415, Shape.ApiJson, "unsupported_media_type"), a =>
            Demo(a, "/demo/api/start", Bytes(Encoding.UTF8.GetBytes(Number()), "text/plain")));
        yield return Row("demo resend: empty body", "/demo/api/resend", "", Invalid);
        yield return Row("demo verify: code with letters", "/demo/api/verify", """{"phone": "+442079460123", "code": "12ab56"}""",
            new(400, Shape.ApiJson, "invalid_code"));
        yield return Row("demo verify: full-width code", "/demo/api/verify", """{"phone": "+442079460123", "code": "１２３４５６"}""",
            new(400, Shape.ApiJson, "invalid_code"));
        yield return Row("demo verify: not a number", "/demo/api/verify", """{"phone": "<script>", "code": "123456"}""", InvalidNumber);
        yield return Row("demo status: session_uuid traversal", "/demo/api/status", """{"session_uuid": "../../hangfire"}""", Invalid);
        yield return Row("demo status: unknown session", "/demo/api/status", "{\"session_uuid\": \"" + Guid.NewGuid() + "\"}",
            new(404, Shape.ApiJson, "expired"));
        yield return Row("demo phone answer: no call_id", "/demo/api/phone/answer", "{}", Invalid);
        yield return Row("demo phone hang-up: unknown call", "/demo/api/phone/hang-up", """{"call_id": "../../etc/passwd"}""",
            new(404, Shape.ApiJson, "not_found"));
        yield return Row("demo phone press: two keys", "/demo/api/phone/press", """{"call_id": "x", "digit": "12"}""", Invalid);
        yield return Row("demo phone calls: not a number", "/demo/api/phone/calls", """{"phone": "abc"}""", InvalidNumber);
        yield return new("demo config: POST", new(405, Shape.ApiJson, "method_not_allowed"), a => Demo(a, "/demo/api/config", Json("{}")));
    }

    private static string Number() => "{\"phone\": \"" + Infrastructure.TestPhones.Next() + "\"}";

    private static HostileCase Row(string name, string path, string body, Expectation expect) =>
        new(name, expect, a => Demo(a, path, Json(body)));

    // As the demo page sends it: same origin, with the demo header, and no API key.
    private static HttpRequestMessage Demo(HostileApps apps, string path, HttpContent content)
    {
        var request = Post(apps.Simulator.BaseUrl, path, content, null);
        request.Headers.Add("X-VoiceOtp-Demo", "1");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return request;
    }
}
