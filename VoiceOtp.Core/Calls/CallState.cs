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
            null when call.ContainsKey("uncertain") => CallState.Uncertain,
            null when call.ContainsKey("heard") => CallState.Heard,
            null when call.ContainsKey("answered") => CallState.Answered,
            null when call.ContainsKey("request_uuid") => CallState.Ringing,
            _ => CallState.Queued,
        };
    }

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
