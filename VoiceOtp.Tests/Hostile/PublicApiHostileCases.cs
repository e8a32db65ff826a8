using System.Text;
using static VoiceOtp.Tests.Hostile.HostileCase;

namespace VoiceOtp.Tests.Hostile;

// The public API's rows. {n} is a fresh valid number (so a wrongly accepted request would open a
// session and show in Redis), {d} its digits, {p} the number of the fixture's pending session.
public static class PublicApiHostileCases
{
    private static readonly Expectation Invalid = new(400, Shape.ApiJson, "invalid");
    private static readonly Expectation Unsupported = new(415, Shape.ApiJson, "unsupported_media_type");
    private static readonly Expectation TooLarge = new(413, Shape.ApiJson, "invalid");
    private static readonly Expectation Unauthorized = new(401, Shape.ApiJson, "unauthorized");
    private static readonly Expectation NotAllowed = new(405, Shape.ApiJson, "method_not_allowed");

    private static readonly string Megabyte = "{\"destination_number\": \"" + new string('1', 1024 * 1024) + "\"}";

    public static IEnumerable<HostileCase> All()
    {
        // dispatch_otp, body form
        yield return Body("dispatch: empty body", "/dispatch_otp", "", Invalid);
        yield return Body("dispatch: JSON null", "/dispatch_otp", "null", Invalid);
        yield return Body("dispatch: JSON array", "/dispatch_otp", """[{"destination_number": "{n}"}]""", Invalid);
        yield return Body("dispatch: JSON string", "/dispatch_otp", "\"{n}\"", Invalid);
        yield return Body("dispatch: missing destination_number", "/dispatch_otp", "{}", Invalid);
        yield return Body("dispatch: destination_number null", "/dispatch_otp", """{"destination_number": null}""", Invalid);
        yield return Body("dispatch: destination_number a JSON number", "/dispatch_otp", """{"destination_number": {d}}""", Invalid);
        yield return Body("dispatch: destination_number true", "/dispatch_otp", """{"destination_number": true}""", Invalid);
        yield return Body("dispatch: destination_number an array", "/dispatch_otp", """{"destination_number": ["{n}"]}""", Invalid);
        yield return Body("dispatch: destination_number an object", "/dispatch_otp", """{"destination_number": {"e164": "{n}"}}""", Invalid);
        yield return Body("dispatch: extra field", "/dispatch_otp", """{"destination_number": "{n}", "admin": true}""", Invalid);
        yield return Body("dispatch: extra field named with markup", "/dispatch_otp", """{"destination_number": "{n}", "<b>x</b>": 1}""", Invalid);
        yield return Body("dispatch: repeated key", "/dispatch_otp", """{"destination_number": "+15005550006", "destination_number": "{n}"}""", Invalid);
        yield return Body("dispatch: truncated JSON", "/dispatch_otp", """{"destination_number": "{n}" """, Invalid);
        yield return Body("dispatch: nested 100 deep", "/dispatch_otp", new string('[', 100) + new string(']', 100), Invalid);
        yield return Body("dispatch: 1 MB body", "/dispatch_otp", Megabyte, TooLarge);
        yield return Raw("dispatch: text/plain", "/dispatch_otp", """{"destination_number": "{n}"}""", "text/plain", Unsupported);
        yield return Raw("dispatch: form-encoded", "/dispatch_otp", "destination_number={n}", "application/x-www-form-urlencoded", Unsupported);
        yield return new("dispatch: no content type", Unsupported, a => Post(a.Engine.BaseUrl, "/dispatch_otp",
            new ByteArrayContent(Encoding.UTF8.GetBytes(Fill("""{"destination_number": "{n}"}""", a)))));
        yield return new("dispatch: body not UTF-8", Invalid, a => Post(a.Engine.BaseUrl, "/dispatch_otp",
            Bytes([.. "{\"destination_number\": \""u8.ToArray(), 0xC3, 0x28, 0xFF, .. "\"}"u8.ToArray()], "application/json")));
        yield return Body("dispatch: full-width digits", "/dispatch_otp", """{"destination_number": "＋４４２０７９４６０１２３"}""", Invalid);
        yield return Body("dispatch: Arabic-Indic digits", "/dispatch_otp", """{"destination_number": "+٤٤٢٠٧٩٤٦٠١٢٣"}""", Invalid);
        yield return Body("dispatch: keypad letters", "/dispatch_otp", """{"destination_number": "+44 20 7946 FOOD"}""", Invalid);
        yield return Body("dispatch: 10 000-character number", "/dispatch_otp", "{\"destination_number\": \"+" + new string('4', 10_000) + "\"}", Invalid);
        yield return Body("dispatch: control character in number", "/dispatch_otp", """{"destination_number": "{n}\u0000"}""", Invalid);
        yield return Body("dispatch: brand_name markup", "/dispatch_otp", """{"destination_number": "{n}", "brand_name": "<speak><break time=\"10s\"/></speak>"}""", Invalid);
        yield return Body("dispatch: brand_name control character", "/dispatch_otp", """{"destination_number": "{n}", "brand_name": "Acme\u0007"}""", Invalid);
        yield return Body("dispatch: brand_name newline", "/dispatch_otp", """{"destination_number": "{n}", "brand_name": "Acme\nBank"}""", Invalid);
        yield return Body("dispatch: brand_name 10 000 characters", "/dispatch_otp", "{\"destination_number\": \"{n}\", \"brand_name\": \"" + new string('A', 10_000) + "\"}", Invalid);
        yield return Body("dispatch: brand_name empty", "/dispatch_otp", """{"destination_number": "{n}", "brand_name": ""}""", Invalid);
        yield return Body("dispatch: brand_name a JSON number", "/dispatch_otp", """{"destination_number": "{n}", "brand_name": 42}""", Invalid);
        yield return Body("dispatch: callback_url javascript:", "/dispatch_otp", """{"destination_number": "{n}", "callback_url": "javascript:alert(1)"}""", Invalid);
        yield return Body("dispatch: callback_url private address", "/dispatch_otp", """{"destination_number": "{n}", "callback_url": "http://10.0.0.1/x"}""", Invalid);
        yield return new("dispatch: no API key", Unauthorized, a => Post(a.Engine.BaseUrl, "/dispatch_otp", Json(Fill("""{"destination_number": "{n}"}""", a)), null));
        yield return new("dispatch: wrong API key", Unauthorized, a => Post(a.Engine.BaseUrl, "/dispatch_otp", Json(Fill("""{"destination_number": "{n}"}""", a)), "test-not-a-key-0000000000"));
        yield return new("dispatch: GET", NotAllowed, a => Send(HttpMethod.Get, a.Engine.BaseUrl, "/dispatch_otp"));
        yield return new("dispatch: header over Kestrel's limit", new(431, Shape.Kestrel), a =>
        {
            var request = Post(a.Engine.BaseUrl, "/dispatch_otp", Json(Fill("""{"destination_number": "{n}"}""", a)));
            request.Headers.TryAddWithoutValidation("X-Padding", new string('a', 40_000));
            return request;
        });

        // dispatch_otp, path form
        yield return Path("dispatch path: letters", "/dispatch_otp/not-a-number", Invalid);
        yield return Path("dispatch path: full-width digits", "/dispatch_otp/" + Uri.EscapeDataString("＋４４２０７９４６０１２３"), Invalid);
        yield return Path("dispatch path: 5 000 digits", "/dispatch_otp/" + new string('4', 5_000), Invalid);
        yield return Path("dispatch path: 10 000 digits (request line over Kestrel's limit)", "/dispatch_otp/" + new string('4', 10_000), new(414, Shape.Kestrel));
        yield return Path("dispatch path: encoded slashes", "/dispatch_otp/..%2Fverify_otp", Invalid);
        yield return Path("dispatch path: encoded newline", "/dispatch_otp/%2B{d}%0A", Invalid);

        // verify_otp
        yield return Body("verify: code with a leading space", "/verify_otp", """{"destination_number": "{p}", "otp": " 12345"}""", Invalid);
        yield return Body("verify: code with a plus sign", "/verify_otp", """{"destination_number": "{p}", "otp": "+12345"}""", Invalid);
        yield return Body("verify: code with a minus sign", "/verify_otp", """{"destination_number": "{p}", "otp": "-12345"}""", Invalid);
        yield return Body("verify: full-width code", "/verify_otp", """{"destination_number": "{p}", "otp": "１２３４５６"}""", Invalid);
        yield return Body("verify: code with a NUL", "/verify_otp", """{"destination_number": "{p}", "otp": "12345\u0000"}""", Invalid);
        yield return Body("verify: code too long", "/verify_otp", """{"destination_number": "{p}", "otp": "1234567"}""", Invalid);
        yield return Body("verify: code a JSON number", "/verify_otp", """{"destination_number": "{p}", "otp": 123456}""", Invalid);
        yield return Body("verify: code null", "/verify_otp", """{"destination_number": "{p}", "otp": null}""", Invalid);
        yield return Body("verify: code missing", "/verify_otp", """{"destination_number": "{p}"}""", Invalid);
        yield return Body("verify: code repeated", "/verify_otp", """{"destination_number": "{p}", "otp": "123456", "otp": "654321"}""", Invalid);
        yield return Body("verify: both number and session", "/verify_otp", """{"destination_number": "{p}", "session_uuid": "{s}", "otp": "123456"}""", Invalid);
        yield return Body("verify: neither number nor session", "/verify_otp", """{"otp": "123456"}""", Invalid);
        yield return Body("verify: extra field", "/verify_otp", """{"destination_number": "{p}", "otp": "123456", "attempts": 0}""", Invalid);
        yield return Body("verify: session_uuid traversal", "/verify_otp", """{"session_uuid": "../../etc/passwd", "otp": "123456"}""", Invalid);
        yield return Body("verify: session_uuid in braces", "/verify_otp", """{"session_uuid": "{{s}}", "otp": "123456"}""", Invalid);
        yield return Body("verify: unknown session_uuid", "/verify_otp", """{"session_uuid": "{u}", "otp": "123456"}""", new(404, Shape.ApiJson, "not_found"));
        yield return Body("verify: JSON array", "/verify_otp", """[{"destination_number": "{p}", "otp": "123456"}]""", Invalid);
        yield return Body("verify: 1 MB body", "/verify_otp", Megabyte, TooLarge);
        yield return Raw("verify: text/plain", "/verify_otp", """{"destination_number": "{p}", "otp": "123456"}""", "text/plain", Unsupported);

        // GET /sessions/{id}
        yield return Get("session: not a UUID", "/sessions/not-a-uuid", Invalid);
        yield return Get("session: unknown UUID", "/sessions/{u}", new(404, Shape.ApiJson, "not_found"));
        yield return Get("session: encoded traversal", "/sessions/..%2F..%2Fhangfire", Invalid);
        yield return new("session: no API key", Unauthorized, a => Send(HttpMethod.Get, a.Engine.BaseUrl, Fill("/sessions/{s}", a), null));
        yield return new("session: POST", NotAllowed, a => Send(HttpMethod.Post, a.Engine.BaseUrl, Fill("/sessions/{s}", a)));
        yield return Get("unknown route", "/admin/../../etc/passwd", new(404, Shape.ApiJson, "not_found"));
    }

    private static string Fill(string template, HostileApps apps)
    {
        var fresh = Infrastructure.TestPhones.Next();
        return template.Replace("{n}", fresh).Replace("{d}", fresh.TrimStart('+')).Replace("{p}", apps.PendingNumber)
            .Replace("{s}", apps.PendingSessionId).Replace("{u}", Guid.NewGuid().ToString());
    }

    private static HostileCase Body(string name, string path, string template, Expectation expect) =>
        new(name, expect, a => Post(a.Engine.BaseUrl, path, Json(Fill(template, a))));

    private static HostileCase Raw(string name, string path, string template, string mediaType, Expectation expect) =>
        new(name, expect, a => Post(a.Engine.BaseUrl, path, Bytes(Encoding.UTF8.GetBytes(Fill(template, a)), mediaType)));

    private static HostileCase Path(string name, string path, Expectation expect) =>
        new(name, expect, a => Post(a.Engine.BaseUrl, Fill(path, a), null));

    private static HostileCase Get(string name, string path, Expectation expect) =>
        new(name, expect, a => Send(HttpMethod.Get, a.Engine.BaseUrl, Fill(path, a)));
}
