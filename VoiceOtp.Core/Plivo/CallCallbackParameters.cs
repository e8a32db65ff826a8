namespace VoiceOtp.Core.Plivo;

// The few form fields of Plivo's answer and hangup callbacks that we act on.
public sealed record CallCallbackParameters(string? CallUuid, string? RequestUuid, string? CallStatus,
    string? HangupCause, string? Duration, string? BillDuration = null)
{
    public static CallCallbackParameters From(Func<string, string?> field) =>
        new(field("CallUUID"), field("RequestUUID"), field("CallStatus"), field("HangupCause"), field("Duration"),
            field("BillDuration"));
}
