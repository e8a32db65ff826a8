using VoiceOtp.Core.Phones;

namespace VoiceOtp.Core.Sessions;

// The status record of a session, which outlives the session by StatusRetentionSeconds. Status is
// only ever "verified" or "locked" here; pending, failed and expired are derived on reading. It
// knows the number only masked, by its id (for the live session's keys) and by its region (for
// spend and metrics).
public sealed record SessionRecord(
    string MaskedNumber,
    PhoneId Phone,
    string Region,
    string? CallbackUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    int MaxAttempts,
    int AttemptsLeft,
    string? Status,
    DateTimeOffset? EndedAt,
    int FailedCall)
{
    public override string ToString() => nameof(SessionRecord);
}
