namespace VoiceOtp.Core.Calls;

public enum CallOutcome
{
    Completed,
    Busy,
    NoAnswer,
    Failed,
    Timeout,
    Cancelled,
    Machine,
    NoKeypress,
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

    // Plivo reports a call a machine picked up, or one where nobody pressed the key, as completed;
    // what happened during the call tells them apart.
    public static CallOutcome Refine(this CallOutcome byStatus, CallAnswerState state) =>
        byStatus != CallOutcome.Completed ? byStatus
        : state.Machine ? CallOutcome.Machine
        : state.GateOffered && !state.KeyPressed ? CallOutcome.NoKeypress
        : byStatus;

    // Worth another call: no person listened. A failed call (bad number, barred destination) or one
    // we cancelled would fail the same way again.
    public static bool IsUnanswered(this CallOutcome outcome) =>
        outcome is CallOutcome.Busy or CallOutcome.NoAnswer or CallOutcome.Timeout or CallOutcome.Machine
            or CallOutcome.NoKeypress;

    public static string WireName(this CallOutcome outcome) => outcome switch
    {
        CallOutcome.NoAnswer => "no-answer",
        CallOutcome.Cancelled => "cancel",
        CallOutcome.NoKeypress => "no_keypress",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
