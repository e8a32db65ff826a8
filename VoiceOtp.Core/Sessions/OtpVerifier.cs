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
            ? Refused(refusal)
            : await VerifyAsync(phone, null, code);

    public async Task<VerifyOutcome> VerifyBySessionAsync(string sessionId, OtpCode code, RequestOrigin? origin = null)
    {
        if (await admission.AdmitVerifyAsync(origin) is { } refusal)
            return Refused(refusal);
        var phone = await sessions.FindPhoneAsync(sessionId);
        return phone is null ? new VerifyOutcome(VerifyStatus.NotFound) : await VerifyAsync(phone, sessionId, code);
    }

    // Counted apart from not_found, so that a dashboard tells an attack that is held back from
    // users who mistype their number.
    private VerifyOutcome Refused(Refusal refusal)
    {
        metrics.Checked(VerifyStatus.Refused, null);
        return new VerifyOutcome(VerifyStatus.Refused, Refusal: refusal);
    }

    private async Task<VerifyOutcome> VerifyAsync(PhoneNumber phone, string? sessionId, OtpCode code)
    {
        var checkedOutcome = await sessions.VerifyAsync(phone, hasher.Hash(phone.E164, code), sessionId,
            WrongCodeLimits.From(options.Value));
        metrics.Checked(checkedOutcome.Status, checkedOutcome.ExpiresAt);
        Log.Checked(logger, phone, checkedOutcome.Status, checkedOutcome.AttemptsRemaining);
        if (checkedOutcome.SessionId is { Length: > 0 } id)
            await events.VerifyCheckedAsync(id, checkedOutcome.Status, checkedOutcome.AttemptsRemaining);
        if (checkedOutcome.Status == VerifyStatus.Verified)
            await conversions.RecordVerifiedAsync(phone, checkedOutcome.SessionId!);
        // The public answer carries the session id only on success, attempts only on a rejection.
        return checkedOutcome.Status switch
        {
            VerifyStatus.Verified => checkedOutcome with { AttemptsRemaining = 0, ExpiresAt = null },
            VerifyStatus.Rejected => checkedOutcome with { SessionId = null },
            VerifyStatus.RateLimited => new VerifyOutcome(VerifyStatus.RateLimited) { RetryAfter = checkedOutcome.RetryAfter },
            _ => new VerifyOutcome(checkedOutcome.Status),
        };
    }
}
