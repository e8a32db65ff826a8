namespace VoiceOtp.Core.Calls;

// A call as the status document and call.ended events report it.
public enum CallState
{
    Queued,
    Ringing,
    Answered,
    Heard,
    NoAnswer,
    Busy,
    Machine,
    NoKeypress,
    Failed,
    Cancelled,
    Uncertain,
}

public static class CallStates
{
    // The one reading of a call hash. An outcome word written by any script or store maps here;
    // add new words to this switch and nowhere else.
    public static CallState FromRecord(IReadOnlyDictionary<string, string> call)
    {
        call.TryGetValue("outcome", out var outcome);
        return outcome switch
        {
            "completed" => call.ContainsKey("heard") ? CallState.Heard : CallState.Answered,
            "heard" => CallState.Heard,
            "busy" => CallState.Busy,
            "no-answer" or "no_answer" or "timeout" => CallState.NoAnswer,
            "machine" => CallState.Machine,
            "no_keypress" or "no-keypress" => CallState.NoKeypress,
            "cancel" or "cancelled" => CallState.Cancelled,
            "uncertain" => CallState.Uncertain,
            not null => CallState.Failed,
            null when call.ContainsKey("failed") => CallState.Failed,
            null when call.ContainsKey("heard") => CallState.Heard,
            null when call.ContainsKey("answered") => CallState.Answered,
            // Evidence first: a ring callback settles an uncertain request as placed.
            null when call.ContainsKey("call_uuid") => CallState.Ringing,
            // "call queued": Plivo holds it behind the account's calls per second.
            null when call.ContainsKey("plivo_queued") => CallState.Queued,
            null when call.ContainsKey("request_uuid") => CallState.Ringing,
            // A request sent with no answer from Plivo yet (in flight, timed out or a 5xx), and not
            // queued again: whether Plivo placed it is not known (UncertainCallResolver decides).
            null when call.ContainsKey("posted_at") => CallState.Uncertain,
            _ => CallState.Queued,
        };
    }

    // How an uncertain request was settled, for the status document: pending (waiting for a
    // callback), placed (one came), requeued (none came; placed again with a fresh token) or lost.
    public static string? UncertainStory(IReadOnlyDictionary<string, string> call) =>
        call.TryGetValue("uncertain", out var u) ? u is "placed" or "requeued" or "lost" ? u : "pending" : null;

    public static bool WasAnswered(this CallState state) => state is CallState.Answered or CallState.Heard;

    public static bool HasEnded(this CallState state) =>
        state is not (CallState.Queued or CallState.Ringing or CallState.Uncertain);

    public static string WireName(this CallState state) => state switch
    {
        CallState.NoAnswer => "no_answer",
        CallState.NoKeypress => "no_keypress",
        _ => state.ToString().ToLowerInvariant(),
    };
}
