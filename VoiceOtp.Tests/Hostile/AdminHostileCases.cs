using System.Text;
using VoiceOtp.Tests.Infrastructure;
using static VoiceOtp.Tests.Hostile.HostileCase;

namespace VoiceOtp.Tests.Hostile;

// The operator's breaker endpoints (the dashboard's Basic credentials), the simulator's phone and
// call-control routes, and session ids the status route must refuse without reading anything.
public static class AdminHostileCases
{
    private static readonly Expectation Challenge = new(401, Shape.BasicChallenge);
    private static readonly Expectation Invalid = new(400, Shape.ApiJson, "invalid");
    private static readonly Expectation NotFound = new(404, Shape.ApiJson, "not_found");

    public static IEnumerable<HostileCase> All()
    {
        // /admin/breakers
        yield return new("admin breakers: no credentials", Challenge, a => Send(HttpMethod.Get, a.Engine.BaseUrl, "/admin/breakers", null));
        yield return new("admin breakers: wrong password", Challenge, a => Admin(HttpMethod.Get, a, "/admin/breakers", "guess"));
        yield return new("admin breakers: an API key instead of Basic", Challenge, a => Send(HttpMethod.Get, a.Engine.BaseUrl, "/admin/breakers"));
        yield return new("admin breakers: Basic without a colon", Challenge, a =>
        {
            var request = Send(HttpMethod.Get, a.Engine.BaseUrl, "/admin/breakers", null);
            request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(HostileApps.DashboardUser)));
            return request;
        });
        yield return new("admin breakers: Basic not base64", Challenge, a =>
        {
            var request = Send(HttpMethod.Get, a.Engine.BaseUrl, "/admin/breakers", null);
            request.Headers.TryAddWithoutValidation("Authorization", "Basic ***not-base64***");
            return request;
        });
        yield return new("admin reset: no credentials", Challenge, a => Send(HttpMethod.Delete, a.Engine.BaseUrl, "/admin/breakers/GB", null));
        yield return new("admin reset: wrong password", Challenge, a => Admin(HttpMethod.Delete, a, "/admin/breakers/GB", "guess"));
        yield return new("admin reset: not a country", Invalid, a => Admin(HttpMethod.Delete, a, "/admin/breakers/XX"));
        yield return new("admin reset: a scope with a prefix", Invalid, a => Admin(HttpMethod.Delete, a, "/admin/breakers/GB:+44207"));
        yield return new("admin reset: encoded traversal", Invalid, a => Admin(HttpMethod.Delete, a, "/admin/breakers/..%2F..%2Fhangfire"));
        yield return new("admin reset: 5 000 characters", Invalid, a => Admin(HttpMethod.Delete, a, "/admin/breakers/" + new string('G', 5_000)));
        // Kestrel refuses a NUL in the path before the app sees it.
        yield return new("admin reset: a NUL", new(400, Shape.Kestrel), a => Admin(HttpMethod.Delete, a, "/admin/breakers/GB%00"));
        yield return new("admin reset: POST", new(405, Shape.ApiJson, "method_not_allowed"), a => Admin(HttpMethod.Post, a, "/admin/breakers/GB"));

        // GET /sessions/{id}
        yield return Session("session: UUID in braces", "/sessions/%7B{u}%7D", Invalid);
        yield return Session("session: UUID without dashes", "/sessions/{x}", Invalid);
        yield return Session("session: UUID with a trailing space", "/sessions/{u}%20", Invalid);
        yield return Session("session: NUL", "/sessions/%00", new(400, Shape.Kestrel));
        yield return Session("session: markup", "/sessions/%3Cscript%3E", Invalid);
        yield return Session("session: full-width digits", "/sessions/" + Uri.EscapeDataString("１２３４５６７８-１２３４-１２３４-１２３４-１２３４５６７８９０１２"), Invalid);
        yield return Session("session: 5 000 characters", "/sessions/" + new string('a', 5_000), Invalid);
        yield return Session("session: a phone number", "/sessions/%2B442079460123", Invalid);
        yield return Session("session: empty id", "/sessions/", NotFound);

        // The simulator's own routes (its engine).
        yield return Simulator("simulator phone calls: no number", HttpMethod.Get, "/simulator/phone/calls", null, Invalid);
        yield return Simulator("simulator phone call: unknown id", HttpMethod.Get, "/simulator/phone/calls/..%2F..%2Fcalls", null, NotFound);
        yield return Simulator("simulator phone answer: unknown id", HttpMethod.Post, "/simulator/phone/calls/" + new string('x', 2_000) + "/answer", null, NotFound);
        yield return Simulator("simulator phone press: two keys", HttpMethod.Post, "/simulator/phone/calls/x/press", """{"digit": "12"}""", Invalid);
        yield return Simulator("simulator phone press: digit a JSON number", HttpMethod.Post, "/simulator/phone/calls/x/press", """{"digit": 1}""", Invalid);
        yield return new("simulator phone calls: no API key", new(401, Shape.ApiJson, "unauthorized"), a =>
            Send(HttpMethod.Get, a.Simulator.BaseUrl, "/simulator/phone/calls?number=%2B442079460123", null));
        yield return new("simulator hang up: no credentials", new(401, Shape.PlivoJson), a =>
            Send(HttpMethod.Delete, a.Simulator.BaseUrl, "/v1/Account/" + TestSettings.PlivoAuthId + "/Call/" + Guid.NewGuid() + "/", null));
        yield return new("simulator cancel: wrong auth token", new(401, Shape.PlivoJson), a =>
        {
            var request = Send(HttpMethod.Delete, a.Simulator.BaseUrl, "/v1/Account/" + TestSettings.PlivoAuthId + "/Request/" + Guid.NewGuid() + "/", null);
            request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(TestSettings.PlivoAuthId + ":guess")));
            return request;
        });
    }

    private static HttpRequestMessage Admin(HttpMethod method, HostileApps apps, string path, string password = HostileApps.DashboardPassword)
    {
        var request = Send(method, apps.Engine.BaseUrl, path, null);
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(HostileApps.DashboardUser + ":" + password)));
        return request;
    }

    private static HostileCase Session(string name, string path, Expectation expect) =>
        new(name, expect, a => Send(HttpMethod.Get, a.Engine.BaseUrl,
            path.Replace("{u}", Guid.NewGuid().ToString()).Replace("{x}", Guid.NewGuid().ToString("N"))));

    private static HostileCase Simulator(string name, HttpMethod method, string path, string? body, Expectation expect) =>
        new(name, expect, a =>
        {
            var request = Send(method, a.Simulator.BaseUrl, path);
            if (body is not null)
                request.Content = Json(body);
            return request;
        });
}
