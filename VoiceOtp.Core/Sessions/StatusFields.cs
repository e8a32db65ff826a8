namespace VoiceOtp.Core.Sessions;

// Field names of a status record ({p}status:{session}, see RedisKeys). One letter or two: every
// session keeps one record for its lifetime plus StatusRetentionSeconds, and with the long names
// the field names alone were a fifth of it. open-or-join-session.lua (every field it opens a
// record with), verify-code.lua (attempts left), cancel-calls.lua and OtpSessionStore's number
// lookup (phone id) spell them in Lua too.
internal static class StatusFields
{
    public const string Masked = "m";
    public const string PhoneId = "p";
    public const string Region = "r";
    public const string CreatedAt = "c";
    public const string ExpiresAt = "e";
    public const string MaxAttempts = "x";
    public const string AttemptsLeft = "a";
    public const string CallbackUrl = "u";
    public const string Status = "s";
    public const string EndedAt = "d";
    public const string FailedCall = "fc";
    public const string FailedReason = "fr";
}
