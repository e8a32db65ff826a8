using Microsoft.Extensions.Options;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Core;

// Messages name the configuration key and never echo its value, because several values are secrets.
public sealed class VoiceOtpOptionsValidator : IValidateOptions<VoiceOtpOptions>
{
    public ValidateOptionsResult Validate(string? name, VoiceOtpOptions o)
    {
        var b = new ValidateOptionsResultBuilder();
        const string s = VoiceOtpOptions.Section;
        if (!Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https")
            || baseUrl.Query.Length > 0)
            b.AddError($"{s}:PublicBaseUrl is required and must be an absolute http(s) URL without a query");
        if (o.ApiKeys.Length == 0 || o.ApiKeys.Any(k => string.IsNullOrWhiteSpace(k) || k.Length < 16))
            b.AddError($"{s}:ApiKeys must hold at least one key, each at least 16 characters long");
        if (!IsCodeKey(o.CodeKey))
            b.AddError($"{s}:CodeKey is required: base64 of at least 32 random bytes");
        if (o.CodeLength is < VoiceOtpOptions.MinCodeLength or > VoiceOtpOptions.MaxCodeLength)
            b.AddError($"{s}:CodeLength must be between 4 and 8");
        if (o.CodeTtlSeconds is < 10 or > 86_400)
            b.AddError($"{s}:CodeTtlSeconds must be between 10 and 86400");
        if (o.MaxVerifyAttempts is < 1 or > 20)
            b.AddError($"{s}:MaxVerifyAttempts must be between 1 and 20");
        if (!BrandName.TryCreate(o.BrandName, out _))
            b.AddError($"{s}:BrandName is required, at most {BrandName.MaxLength} characters");
        if (string.IsNullOrWhiteSpace(o.SpeakTemplate) || o.SpeakTemplate.Length > 200 || !BrandName.IsSpeakable(o.SpeakTemplate))
            b.AddError($"{s}:SpeakTemplate is required, at most 200 printable characters");
        if (o.SpeakRepeats is < 1 or > 5)
            b.AddError($"{s}:SpeakRepeats must be between 1 and 5");
        if (o.MaxCallsPerSession is < 1 or > 10)
            b.AddError($"{s}:MaxCallsPerSession must be between 1 and 10");
        if (o.RetryDelaysSeconds.Any(d => d is < 1 or > 3600))
            b.AddError($"{s}:RetryDelaysSeconds must each be between 1 and 3600");
        if (o.RingTimeoutSeconds is < 5 or > 120)
            b.AddError($"{s}:RingTimeoutSeconds must be between 5 and 120");
        if (o.CallsPerSecond is < 0 or > 10_000)
            b.AddError($"{s}:CallsPerSecond must be between 0 (no pacing) and 10000");
        if (o.MachineDetectionTimeMs is < 2000 or > 10_000)
            b.AddError($"{s}:MachineDetectionTimeMs must be between 2000 and 10000");
        if (o.KeypressTimeoutSeconds is < 2 or > 30)
            b.AddError($"{s}:KeypressTimeoutSeconds must be between 2 and 30");
        if (o.KeypressTries is < 1 or > 5)
            b.AddError($"{s}:KeypressTries must be between 1 and 5");
        if (o.MaxReplays is < 0 or > 5)
            b.AddError($"{s}:MaxReplays must be between 0 and 5");
        if (o.UncertainWindowSeconds is < 0 or > 3600)
            b.AddError($"{s}:UncertainWindowSeconds must be between 0 (ring timeout + 30 s) and 3600");
        if (o.ResendCooldownSeconds is < 0 or > 3600)
            b.AddError($"{s}:ResendCooldownSeconds must be between 0 and 3600");
        if (o.MinSecondsLeftToCall is < 0 or > 3600)
            b.AddError($"{s}:MinSecondsLeftToCall must be between 0 and 3600");
        if (o.PlivoRateLimitPauseSeconds is < 1 or > 600)
            b.AddError($"{s}:PlivoRateLimitPauseSeconds must be between 1 and 600");
        if (!Plivo.SpeakVoice.IsValid(o.Voice))
            b.AddError($"{s}:Voice must be WOMAN, MAN or Polly.<Name>");
        if (string.IsNullOrWhiteSpace(o.Language) || o.Language.Length > 10)
            b.AddError($"{s}:Language must be a language tag such as en-US");
        if (o.WrongCodesPerNumberPerHour is < 0 or > 1000)
            b.AddError($"{s}:WrongCodesPerNumberPerHour must be between 0 (no limit) and 1000");
        if (o.WrongCodesPerNumberPerDay is < 0 or > 10_000)
            b.AddError($"{s}:WrongCodesPerNumberPerDay must be between 0 (no limit) and 10000");
        if (o.Profile == VoiceOtpOptions.NistProfile)
            NistProfile.Check(o, b);
        else if (o.Profile.Length > 0)
            b.AddError($"{s}:Profile must be empty or {VoiceOtpOptions.NistProfile}");
        return b.Build();
    }

    private static bool IsCodeKey(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var length) && length >= 32;
    }
}
