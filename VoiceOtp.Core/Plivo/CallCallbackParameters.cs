namespace VoiceOtp.Core.Plivo;

// The few form fields of Plivo's answer, GetDigits, Redirect and hangup callbacks that we act on.
// Machine is Plivo's synchronous answering-machine verdict; Digits what a GetDigits collected.
public sealed record CallCallbackParameters(string? CallUuid, string? RequestUuid, string? CallStatus,
    string? HangupCause, string? Duration, string? BillDuration = null, string? Digits = null, bool Machine = false)
{
    public static CallCallbackParameters From(Func<string, string?> field) =>
        new(field("CallUUID"), field("RequestUUID"), field("CallStatus"), field("HangupCause"), field("Duration"),
            field("BillDuration"), field("Digits"), string.Equals(field("Machine"), "true", StringComparison.OrdinalIgnoreCase));

    // Digits is caller input; it never reaches a log, so ToString shows only the call uuid.
    public override string ToString() => $"{nameof(CallCallbackParameters)} {CallUuid}";

    // Plivo bills whole seconds; anything else (absent, negative, absurd) is read as nothing billed.
    public int BilledSeconds =>
        int.TryParse(BillDuration, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s)
        && s <= 86_400 ? s : 0;
}
