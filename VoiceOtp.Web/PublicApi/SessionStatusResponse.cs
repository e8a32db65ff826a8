using System.Text.Json.Serialization;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Web.PublicApi;

// GET /sessions/{id}: the API's status + message, then the session. The session's own state is
// session_status, because "status" is the outcome of the request in every body we send. Written by
// Newtonsoft (snake_case); the JsonPropertyName attributes give the OpenAPI document the same names.
public sealed class SessionStatusResponse(SessionStatus s)
{
    [JsonPropertyName("status")]
    public string Status => "success";

    [JsonPropertyName("message")]
    public string Message => "session status";

    [JsonPropertyName("session_uuid")]
    public string SessionUuid => s.SessionId;

    [JsonPropertyName("session_status")]
    public string SessionStatus => s.State.WireName();

    [JsonPropertyName("destination_number_masked")]
    public string DestinationNumberMasked => s.MaskedNumber;

    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt => s.CreatedAt;

    [JsonPropertyName("expires_at")]
    public DateTimeOffset ExpiresAt => s.ExpiresAt;

    [JsonPropertyName("ended_at")]
    public DateTimeOffset? EndedAt => s.EndedAt;

    [JsonPropertyName("verify_attempts_used")]
    public int VerifyAttemptsUsed => s.AttemptsUsed;

    [JsonPropertyName("verify_attempts_left")]
    public int VerifyAttemptsLeft => s.AttemptsLeft;

    [JsonPropertyName("calls")]
    public IEnumerable<CallView> Calls => s.Calls.Select(c => new CallView(c));

    public sealed class CallView(CallStatus c)
    {
        [JsonPropertyName("call_number")]
        public int CallNumber => c.Number;

        [JsonPropertyName("outcome")]
        public string Outcome => c.State.WireName();

        [JsonPropertyName("hangup_cause")]
        public string? HangupCause => c.HangupCause;

        [JsonPropertyName("duration")]
        public int? Duration => c.Duration;

        [JsonPropertyName("bill_duration")]
        public int? BillDuration => c.BillDuration;
        public decimal? EstimatedCost => c.EstimatedCost;

        // Only for a call whose Make-a-call request got no clear answer: pending, placed (a callback
        // proved Plivo placed it), requeued (none came; placed again) or lost.
        [JsonPropertyName("uncertain")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        [Newtonsoft.Json.JsonProperty(NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
        public string? Uncertain => c.Uncertain;
    }
}
