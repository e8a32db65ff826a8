using Microsoft.Extensions.Options;

namespace VoiceOtp.Core;

// VoiceOtp:Profile=nist-800-63b-4 refuses settings below NIST SP 800-63B-4 for out-of-band codes:
// at least 6 digits (20 bits), valid for at most 10 minutes, and failed attempts limited per
// account (100 at most) by counters that a new code does not reset (the per-number limits).
public static class NistProfile
{
    public static void Check(VoiceOtpOptions o, ValidateOptionsResultBuilder b)
    {
        const string s = VoiceOtpOptions.Section;
        const string why = $"under {s}:Profile={VoiceOtpOptions.NistProfile}";
        if (o.CodeLength < 6)
            b.AddError($"{s}:CodeLength must be at least 6 {why}");
        if (o.CodeTtlSeconds > 600)
            b.AddError($"{s}:CodeTtlSeconds must be at most 600 {why}");
        if (o.WrongCodesPerNumberPerHour <= 0)
            b.AddError($"{s}:WrongCodesPerNumberPerHour must be set (not 0) {why}");
        if (o.WrongCodesPerNumberPerDay is <= 0 or > 100)
            b.AddError($"{s}:WrongCodesPerNumberPerDay must be between 1 and 100 {why}");
    }
}
