namespace VoiceOtp.Core.Calls;

public enum CallOutcome
{
    Completed,
    Busy,
    NoAnswer,
    Failed,
    Timeout,
    Cancelled,
    Unknown,
}

public static class CallOutcomes
{
    public static CallOutcome FromCallStatus(string? callStatus) => callStatus switch
    {
        "completed" => CallOutcome.Completed,
        "busy" => CallOutcome.Busy,
        "no-answer" => CallOutcome.NoAnswer,
        "failed" => CallOutcome.Failed,
        "timeout" => CallOutcome.Timeout,
        "cancel" => CallOutcome.Cancelled,
        _ => CallOutcome.Unknown,
    };

    // Worth another call: nobody picked up. A failed call (bad number, barred destination) or one we
    // cancelled would fail the same way again.
    public static bool IsUnanswered(this CallOutcome outcome) =>
        outcome is CallOutcome.Busy or CallOutcome.NoAnswer or CallOutcome.Timeout;

    public static string WireName(this CallOutcome outcome) => outcome switch
    {
        CallOutcome.NoAnswer => "no-answer",
        CallOutcome.Cancelled => "cancel",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
