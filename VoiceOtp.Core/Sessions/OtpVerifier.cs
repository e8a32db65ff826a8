using Microsoft.Extensions.Logging;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Events;
using VoiceOtp.Core.Phones;

namespace VoiceOtp.Core.Sessions;

public sealed partial class OtpVerifier(OtpSessionStore sessions, CodeHasher hasher, SessionEvents events, VoiceOtpMetrics metrics,
    ILogger<OtpVerifier> logger)
{
    public Task<VerifyOutcome> VerifyByNumberAsync(PhoneNumber phone, OtpCode code) => VerifyAsync(phone, null, code);

    public async Task<VerifyOutcome> VerifyBySessionAsync(string sessionId, OtpCode code)
    {
        var phone = await sessions.FindPhoneAsync(sessionId);
        return phone is null ? new VerifyOutcome(VerifyStatus.NotFound) : await VerifyAsync(phone, sessionId, code);
    }

    private async Task<VerifyOutcome> VerifyAsync(PhoneNumber phone, string? sessionId, OtpCode code)
    {
        var checkedOutcome = await sessions.VerifyAsync(phone, hasher.Hash(phone.E164, code), sessionId);
        metrics.Checked(checkedOutcome.Status, checkedOutcome.ExpiresAt);
        Log.Checked(logger, phone.Masked, checkedOutcome.Status, checkedOutcome.AttemptsRemaining);
        if (checkedOutcome.SessionId is { Length: > 0 } id)
            await events.VerifyCheckedAsync(id, checkedOutcome.Status, checkedOutcome.AttemptsRemaining);
        // The public answer carries the session id only on success, attempts only on a rejection.
        return checkedOutcome.Status switch
        {
            VerifyStatus.Verified => checkedOutcome with { AttemptsRemaining = 0, ExpiresAt = null },
            VerifyStatus.Rejected => checkedOutcome with { SessionId = null },
            _ => new VerifyOutcome(checkedOutcome.Status),
        };
    }
}
