using System.Text;
using VoiceOtp.Core.Calls;
using VoiceOtp.Tests.Infrastructure;
using static VoiceOtp.Tests.Hostile.HostileCase;

namespace VoiceOtp.Tests.Hostile;

// Plivo's webhooks, the simulator, and what admins see (dashboard, metrics). "Replayed" rows first deliver the genuine
// request (which must be accepted), then send exactly the same bytes again.
public static class WebhookHostileCases
{
    private static readonly Expectation Forbidden = new(403, Shape.EmptyForbidden);
    private static readonly Expectation NotFound = new(404, Shape.ApiJson, "not_found");
    private static readonly Expectation Invalid = new(400, Shape.ApiJson, "invalid");

    public static IEnumerable<HostileCase> All()
    {
        yield return new("answer: unsigned", Forbidden, a =>
            Post(a.PendingAnswerUrl, "", new FormUrlEncodedContent(HostileApps.AnswerForm(a.PendingNumber)), null));
        yield return new("answer: signed with another auth token", Forbidden, a =>
            HostileApps.Signed(a.PendingAnswerUrl, HostileApps.AnswerForm(a.PendingNumber), Nonce(), "not-our-auth-token"));
        yield return new("answer: re-signed, valid signature for another call's URL", Forbidden, a =>
            HostileApps.Signed(a.PendingAnswerUrl, HostileApps.AnswerForm(a.PendingNumber), Nonce(),
                signedUrl: a.Engine.BaseUrl + "/plivo/answer/" + TestTokens.Unknown()));
        yield return new("answer: re-signed, header nonce differs from the signed one", Forbidden, a =>
            HostileApps.Signed(a.PendingAnswerUrl, HostileApps.AnswerForm(a.PendingNumber), Nonce(), headerNonce: Nonce()));
        yield return new("hangup: re-signed, body differs from the signed one", Forbidden, a =>
        {
            var signed = HostileApps.AnswerForm(a.PendingNumber);
            var sent = signed.Select(kv => kv.Key == "CallStatus" ? new KeyValuePair<string, string>(kv.Key, "completed") : kv).ToList();
            return HostileApps.Signed(Hangup(a.PendingAnswerUrl), sent, Nonce(), signedForm: signed);
        });
        yield return new("digits: unsigned", Forbidden, a =>
            Post(a.PendingAnswerUrl.Replace("/plivo/answer/", "/plivo/digits/"), "",
                new FormUrlEncodedContent([.. HostileApps.AnswerForm(a.PendingNumber), new("Digits", "1")]), null));
        yield return new("heard: signed with another auth token", Forbidden, a =>
            HostileApps.Signed(a.PendingAnswerUrl.Replace("/plivo/answer/", "/plivo/heard/"), HostileApps.AnswerForm(a.PendingNumber),
                Nonce(), "not-our-auth-token"));
        yield return new("digits: encoded traversal in the token, validly signed", NotFound, a =>
            HostileApps.Signed(a.Engine.BaseUrl + "/plivo/digits/..%2F..%2Fverify_otp", HostileApps.AnswerForm(a.PendingNumber), Nonce()));
        yield return new("answer: replayed", Forbidden, async a => await ReplayAsync(a, answer: true));
        yield return new("hangup: replayed", Forbidden, async a => await ReplayAsync(a, answer: false));
        yield return new("answer: encoded traversal in the token, unsigned", Forbidden, a =>
            Post(a.Engine.BaseUrl, "/plivo/answer/..%2F..%2Fdispatch_otp", new FormUrlEncodedContent(HostileApps.AnswerForm(a.PendingNumber)), null));
        yield return new("answer: encoded traversal in the token, validly signed", NotFound, a =>
            HostileApps.Signed(a.Engine.BaseUrl + "/plivo/answer/..%2F..%2Fdispatch_otp", HostileApps.AnswerForm(a.PendingNumber), Nonce()));
        yield return new("hangup: encoded slash in the token, validly signed", NotFound, a =>
            HostileApps.Signed(a.Engine.BaseUrl + "/plivo/hangup/abc%2F..%2Fdef", HostileApps.AnswerForm(a.PendingNumber), Nonce()));
        yield return new("hangup: token of 6 000 characters, validly signed", NotFound, a =>
            HostileApps.Signed(a.Engine.BaseUrl + "/plivo/hangup/" + new string('A', 6_000), HostileApps.AnswerForm(a.PendingNumber), Nonce()));
        yield return new("answer: GET", new(405, Shape.ApiJson, "method_not_allowed"), a =>
            Send(HttpMethod.Get, a.PendingAnswerUrl, "", null));
        yield return new("answer: 1 MB form", Forbidden, a =>
            Post(a.PendingAnswerUrl, "", new FormUrlEncodedContent([new("CallUUID", new string('x', 1024 * 1024))]), null));
        yield return new("hangup: form with 5 000 fields", Forbidden, a =>
            Post(Hangup(a.PendingAnswerUrl), "", new FormUrlEncodedContent(
                Enumerable.Range(0, 5_000).Select(i => new KeyValuePair<string, string>("f" + i, ""))), null));
        yield return new("plivo: unknown webhook route", NotFound, a =>
            Post(a.Engine.BaseUrl, "/plivo/unknown/" + TestTokens.Unknown(), new FormUrlEncodedContent(HostileApps.AnswerForm(a.PendingNumber)), null));

        // The simulator (its own engine).
        yield return new("simulator make-call: no credentials", new(401, Shape.PlivoJson), a =>
            Post(a.Simulator.BaseUrl, "/v1/Account/" + TestSettings.PlivoAuthId + "/Call/", Json("{}"), null));
        yield return new("simulator make-call: unknown account, traversal", new(401, Shape.PlivoJson), a =>
            Post(a.Simulator.BaseUrl, "/v1/Account/..%2F..%2Fsimulator/Call/", Json("{}"), null));
        yield return new("simulator calls: no API key", new(401, Shape.ApiJson, "unauthorized"), a =>
            Send(HttpMethod.Get, a.Simulator.BaseUrl, "/simulator/calls", null));
        yield return new("simulator unanswered: not a number", Invalid, a =>
            Post(a.Simulator.BaseUrl, "/simulator/unanswered", Json("""{"destination_number": "abc", "calls": 1}""")));
        yield return new("simulator unanswered: calls a string", Invalid, a =>
            Post(a.Simulator.BaseUrl, "/simulator/unanswered", Json("""{"destination_number": "+442079460123", "calls": "x"}""")));
        yield return new("simulator unanswered: calls 1000", Invalid, a =>
            Post(a.Simulator.BaseUrl, "/simulator/unanswered", Json("""{"destination_number": "+442079460123", "calls": 1000}""")));
        yield return new("simulator unanswered: empty body", Invalid, a =>
            Post(a.Simulator.BaseUrl, "/simulator/unanswered", Json("")));
        yield return new("simulator unanswered: text/plain", new(415, Shape.ApiJson, "unsupported_media_type"), a =>
            Post(a.Simulator.BaseUrl, "/simulator/unanswered", Bytes(Encoding.UTF8.GetBytes("{}"), "text/plain")));

        yield return new("dashboard: no credentials", new(401, Shape.BasicChallenge), a =>
            Send(HttpMethod.Get, a.Engine.BaseUrl, "/hangfire/jobs/succeeded", null));
        yield return new("metrics: no credentials", new(401, Shape.BasicChallenge), a =>
            Send(HttpMethod.Get, a.Engine.BaseUrl, "/metrics", null));
        yield return new("dashboard: wrong password", new(401, Shape.BasicChallenge), a =>
        {
            var request = Send(HttpMethod.Get, a.Engine.BaseUrl, "/hangfire", null);
            request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(HostileApps.DashboardUser + ":guess")));
            return request;
        });
    }

    private static string Nonce() => System.Security.Cryptography.RandomNumberGenerator.GetString("0123456789", 20);

    private static string Hangup(string answerUrl) => answerUrl.Replace("/plivo/answer/", "/plivo/hangup/");

    private static async Task<HttpRequestMessage> ReplayAsync(HostileApps apps, bool answer)
    {
        var call = await apps.NewCallAsync();
        var url = (string)call.Body[answer ? "answer_url" : "hangup_url"]!;
        var form = HostileApps.AnswerForm((string)call.Body["to"]!);
        if (!answer)
            form.Add(new("HangupCause", "NORMAL_CLEARING"));
        var nonce = Nonce();
        using var http = new HttpClient();
        using var original = await http.SendAsync(HostileApps.Signed(url, form, nonce));
        Assert.That((int)original.StatusCode, Is.EqualTo(200), "the genuine request is accepted");
        return HostileApps.Signed(url, form, nonce);
    }
}
