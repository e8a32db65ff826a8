namespace VoiceOtp.Web.PlivoSimulator;

// A simulated call as the handset shows it. State is ringing, in-progress or ended; Outcome is
// Plivo's final CallStatus (completed, no-answer, busy, failed) once ended.
public sealed record PhoneCallView(string CallId, string To, string State, bool Interactive, bool AwaitingKey,
    string Heard, IReadOnlyList<string> Keys, string? Outcome, string? AnsweredBy, DateTimeOffset CreatedAt)
{
    public static PhoneCallView Of(SimulatedCall c) => new(c.CallUuid, c.To,
        c.Ended ? "ended" : c.Status == "in-progress" ? "in-progress" : "ringing",
        c.Interactive, c.AwaitingKey, c.Heard ?? "", c.Keys, c.Ended ? c.Status : null, c.AnsweredBy, c.CreatedAt);

    // The JSON shape of /simulator/phone, snake_case like every other body.
    public object ToJson() => new
    {
        call_id = CallId, to = To, state = State, interactive = Interactive, awaiting_key = AwaitingKey,
        heard = Heard, keys = Keys, outcome = Outcome, answered_by = AnsweredBy, created_at = CreatedAt,
    };
}
