using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Events;
using VoiceOtp.Core.Guards;
using VoiceOtp.Core.Phones;

namespace VoiceOtp.Core.Sessions;

public sealed partial class OtpVerifier(OtpSessionStore sessions, CodeHasher hasher, SessionEvents events, VoiceOtpMetrics metrics,
    Admission admission, ConversionTracker conversions, IOptions<VoiceOtpOptions> options, ILogger<OtpVerifier> logger)
{
    public async Task<VerifyOutcome> VerifyByNumberAsync(PhoneNumber phone, OtpCode code, RequestOrigin? origin = null) =>
        await admission.AdmitVerifyAsync(origin) is { } refusal
            ? new VerifyOutcome(VerifyStatus.Refused, Refusal: refusal)
            : await VerifyAsync(phone, null, code);

    public async Task<VerifyOutcome> VerifyBySessionAsync(string sessionId, OtpCode code, RequestOrigin? origin = null)
    {
        if (await admission.AdmitVerifyAsync(origin) is { } refusal)
            return new VerifyOutcome(VerifyStatus.Refused, Refusal: refusal);
        var phone = await sessions.FindPhoneAsync(sessionId);
        return phone is null ? new VerifyOutcome(VerifyStatus.NotFound) : await VerifyAsync(phone, sessionId, code);
    }

    private async Task<VerifyOutcome> VerifyAsync(PhoneNumber phone, string? sessionId, OtpCode code)
    {
        var (kind, id, remaining, expiresAt) = await sessions.VerifyAsync(phone, hasher.Hash(phone.E164, code), sessionId,
            WrongCodeLimits.From(options.Value));
        var outcome = kind switch
        {
            "verified" => new VerifyOutcome(VerifyStatus.Verified, 0, id),
            "rejected" => new VerifyOutcome(VerifyStatus.Rejected, (int)remaining),
            "rate_limited" => new VerifyOutcome(VerifyStatus.RateLimited) { RetryAfter = TimeSpan.FromMilliseconds(remaining) },
            "locked" => new VerifyOutcome(VerifyStatus.Locked),
            _ => new VerifyOutcome(VerifyStatus.NotFound),
        };
        metrics.Checked(outcome.Status, expiresAt);
        Log.Checked(logger, phone.Masked, outcome.Status, outcome.AttemptsRemaining);
        if (id.Length > 0)
            // rate_limited carries milliseconds to wait, not attempts; the status record ignores it.
            await events.VerifyCheckedAsync(id, outcome.Status, outcome.Status == VerifyStatus.RateLimited ? 0 : (int)remaining);
        if (outcome.Status == VerifyStatus.Verified)
            await conversions.RecordVerifiedAsync(phone, id);
        return outcome;
    }
}
