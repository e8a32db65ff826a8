using System.Net;
using System.Xml.Linq;

namespace VoiceOtp.Tests.Infrastructure;

// Plays Plivo's signed ring, answer and hangup callbacks for calls the engine placed at a FakePlivo,
// with one CallUUID per call as Plivo gives.
public sealed class FakePlivoCallbacks(HttpClient api)
{
    private readonly Dictionary<string, string> _callUuids = [];

    public string CallUuid(FakePlivo.RecordedCall call)
    {
        lock (_callUuids)
            return _callUuids.TryGetValue(call.RequestUuid, out var uuid) ? uuid : _callUuids[call.RequestUuid] = Guid.NewGuid().ToString();
    }

    public static string Url(FakePlivo.RecordedCall call, string field) => (string)call.Body[field]!;

    public async Task<string> RingAsync(FakePlivo.RecordedCall call)
    {
        using var ring = await FakePlivo.SendCallbackAsync(api, Url(call, "ring_url"),
            [.. BaseForm(call), new("CallStatus", "ringing"), new("Event", "Ring")]);
        Assert.That(ring.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return CallUuid(call);
    }

    // Answers without the keypress gate and returns the code the answer XML speaks.
    public async Task<string> AnswerAsync(FakePlivo.RecordedCall call)
    {
        using var answer = await FakePlivo.SendCallbackAsync(api, Url(call, "answer_url"),
            [.. BaseForm(call), new("CallStatus", "in-progress"), new("Event", "StartApp")]);
        var xml = XDocument.Parse(await answer.Content.ReadAsStringAsync());
        return SimulatorCalls.CodeIn(string.Join(' ', xml.Descendants("say-as").First().Value.ToCharArray()));
    }

    public async Task HangupAsync(FakePlivo.RecordedCall call, string callStatus, string cause)
    {
        using var hangup = await SendHangupAsync(call, callStatus, cause);
        Assert.That(hangup.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    public Task<HttpResponseMessage> SendHangupAsync(FakePlivo.RecordedCall call, string callStatus, string cause)
    {
        var seconds = callStatus == "completed" ? "18" : "0";
        return FakePlivo.SendCallbackAsync(api, Url(call, "hangup_url"),
        [
            .. BaseForm(call), new("CallStatus", callStatus), new("Event", "Hangup"), new("HangupCause", cause),
            new("Duration", seconds), new("BillDuration", seconds),
        ]);
    }

    private List<KeyValuePair<string, string>> BaseForm(FakePlivo.RecordedCall call) =>
    [
        new("CallUUID", CallUuid(call)), new("RequestUUID", call.RequestUuid), new("Direction", "outbound"),
        new("From", "14155550100"), new("To", Url(call, "to")[1..]),
    ];
}
