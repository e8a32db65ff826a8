using System.Globalization;
using System.Security.Cryptography;
using System.Xml;
using Microsoft.Extensions.Options;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Web.PlivoSimulator;

// Plays Plivo's side of each placed call: a V3-signed, form-encoded POST to answer_url, the XML read
// back as speech, then the hangup callback, just as Plivo's servers would.
public sealed partial class SimulatedCallRunner(
    SimulatedPhoneNetwork network,
    IHttpClientFactory httpClients,
    IOptions<PlivoOptions> plivo,
    TimeProvider clock,
    ILogger<SimulatedCallRunner> logger) : BackgroundService
{
    public const string HttpClientName = "plivo-simulator";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (call, script) in network.Pending.ReadAllAsync(stoppingToken))
            _ = RunAsync(call, script, stoppingToken);
    }

    private async Task RunAsync(SimulatedCall call, CallScript script, CancellationToken ct)
    {
        var http = httpClients.CreateClient(HttpClientName);
        var started = clock.GetUtcNow();
        try
        {
            var baseFields = BaseFields(call);
            if (network.TakeUnanswered(call.To))
            {
                call.Status = "no-answer";
                call.HangupCause = "NO_ANSWER";
                await HangupAsync(http, call, script, baseFields, "no-answer", "NO_ANSWER", "3000", "No Answer", 0, ct);
                return;
            }

            call.Status = "in-progress";
            var answerFields = baseFields.Append(new("CallStatus", "in-progress")).Append(new("Event", "StartApp"))
                .Append(new("SessionStart", started.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture))).ToList();
            using var answer = await SendAsync(http, script.AnswerMethod, script.AnswerUrl, answerFields, ct);
            call.AnswerHttpStatus = (int)answer.StatusCode;
            var xml = await answer.Content.ReadAsStringAsync(ct);
            if (answer.IsSuccessStatusCode)
                call.Heard = HeardText.FromXml(xml);
            call.Status = "completed";
            call.HangupCause = answer.IsSuccessStatusCode ? "NORMAL_CLEARING" : "ANSWER_URL_ERROR";
            var duration = answer.IsSuccessStatusCode ? 18 : 0;
            await HangupAsync(http, call, script, baseFields, "completed", call.HangupCause,
                answer.IsSuccessStatusCode ? "4010" : "7011", answer.IsSuccessStatusCode ? "End Of XML Instructions" : "Invalid Answer XML",
                duration, ct);
        }
        catch (Exception e) when (e is HttpRequestException or XmlException or FormatException or TaskCanceledException)
        {
            call.Status = "failed";
            Log.CallFailed(logger, call.RequestUuid, e.GetType().Name);
        }
    }

    private async Task HangupAsync(HttpClient http, SimulatedCall call, CallScript script, List<KeyValuePair<string, string>> baseFields,
        string status, string cause, string causeCode, string causeName, int duration, CancellationToken ct)
    {
        if (script.HangupUrl is null)
            return;
        var fields = baseFields.Concat([
            new("CallStatus", status), new("Event", "Hangup"), new("HangupCause", cause),
            new("HangupCauseCode", causeCode), new("HangupCauseName", causeName), new("HangupSource", "Plivo"),
            new("Duration", duration.ToString(CultureInfo.InvariantCulture)),
            new("BillDuration", duration.ToString(CultureInfo.InvariantCulture)),
        ]).ToList();
        using var hangup = await SendAsync(http, script.HangupMethod, script.HangupUrl, fields, ct);
        call.HangupHttpStatus = (int)hangup.StatusCode;
    }

    private static List<KeyValuePair<string, string>> BaseFields(SimulatedCall call) =>
    [
        new("CallUUID", call.CallUuid), new("RequestUUID", call.RequestUuid), new("ALegUUID", call.CallUuid),
        new("ALegRequestUUID", call.RequestUuid), new("From", call.From.TrimStart('+')), new("To", call.To.TrimStart('+')),
        new("Direction", "outbound"), new("BillRate", "0.0065"),
    ];

    // GET puts the parameters in the query string, POST sends them as a form, as Plivo does.
    private Task<HttpResponseMessage> SendAsync(HttpClient http, string method, Uri url,
        List<KeyValuePair<string, string>> fields, CancellationToken ct)
    {
        var isGet = method == "GET";
        var target = isGet ? WithQuery(url, fields) : url;
        var signed = isGet ? [] : fields;
        var nonce = RandomNumberGenerator.GetString("0123456789", 20);
        var request = new HttpRequestMessage(isGet ? HttpMethod.Get : HttpMethod.Post, target);
        if (!isGet)
            request.Content = new FormUrlEncodedContent(fields);
        request.Headers.Add("X-Plivo-Signature-V3-Nonce", nonce);
        request.Headers.Add("X-Plivo-Signature-V3",
            PlivoSignatureV3.Compute(request.Method.Method, target, signed, nonce, plivo.Value.AuthToken));
        request.Headers.UserAgent.ParseAdd("PlivoHTTP/1.0 (VoiceOtp simulator)");
        return http.SendAsync(request, ct);
    }

    // Concatenated rather than rebuilt with UriBuilder, which would rewrite the host and port
    // and so change the URL the signature covers.
    private static Uri WithQuery(Uri url, List<KeyValuePair<string, string>> fields)
    {
        var query = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        var original = url.OriginalString;
        var separator = original.Contains('?') ? "&" : "?";
        return new Uri(original + separator + query);
    }
}
