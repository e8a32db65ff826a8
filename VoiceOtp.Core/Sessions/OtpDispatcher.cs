using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Events;
using VoiceOtp.Core.Guards;
using VoiceOtp.Core.Phones;

namespace VoiceOtp.Core.Sessions;

public sealed partial class OtpDispatcher(
    OtpSessionStore sessions,
    NumberPolicy policy,
    Admission admission,
    ConversionTracker conversions,
    CodeHasher hasher,
    CodeSealer sealer,
    SessionEvents events,
    VoiceOtpMetrics metrics,
    IOptions<VoiceOtpOptions> options,
    IOptions<EventOptions> eventOptions,
    TimeProvider clock,
    ILogger<OtpDispatcher> logger)
{
    // callbackUrl is kept only by the dispatch that opens the session; a join never changes it.
    public async Task<DispatchOutcome> DispatchAsync(PhoneNumber phone, BrandName? brand, RequestOrigin origin, Uri? callbackUrl = null)
    {
        // The number policy needs no Redis; admission runs in the session script's step, before it
        // touches the session, so that a refusal places no call and touches no session.
        if (policy.Check(phone) is { } blocked)
            return Refuse(phone, blocked);
        var admit = admission.PrepareDispatch(phone, origin);
        if (admit.Remembered is { } remembered)
            return Refuse(phone, remembered);
        var o = options.Value;
        // Made before we know whether the number has a pending session, so that one script call
        // decides; on a join the fresh code is dropped unread and the pending one is spoken again.
        var id = SessionId.New();
        var code = OtpCodeGenerator.Generate(o.CodeLength);
        var ttl = TimeSpan.FromSeconds(o.CodeTtlSeconds);
        var now = clock.GetUtcNow();
        var session = new NewSession(id, hasher.Hash(phone.E164, code), sealer.Seal(id, code), ttl,
            o.MaxVerifyAttempts, o.MaxCallsPerSession, now + ttl, (brand?.Value ?? o.BrandName),
            TimeSpan.FromSeconds(o.ResendCooldownSeconds), TimeSpan.FromSeconds(o.MinSecondsLeftToCall))
        {
            Status = new NewSessionStatus(now, SessionStatusStore.RecordTtl(ttl, eventOptions.Value.StatusRetentionSeconds), callbackUrl),
        };

        var opened = await sessions.OpenOrJoinAsync(phone, session, WrongCodeLimits.From(o), admit);
        if (opened.AdmissionAnswer is { } answer)
            return Refuse(phone, admission.Interpret(admit, answer)!);
        var status = opened.Status;
        // The status record came with the script. An expiry check (with a callback URL) and the
        // conversion history (when that rule is on) are independent writes, sent in one flush.
        if (status == DispatchStatus.Opened)
            await Task.WhenAll(events.SessionOpenedAsync(opened.Id, opened.ExpiresAt, callbackUrl),
                conversions.RecordOpenedAsync(phone, opened.Id, ttl));
        metrics.Dispatched(status);
        if (status is DispatchStatus.Opened or DispatchStatus.Joined)
        {
            // The script queued the call in the same step: a 200 means it is in Redis and will be
            // placed by a pump even if this process stops right after responding.
            Log.Dispatched(logger, opened.Id, phone.Masked, opened.CallNumber, status);
        }
        else
        {
            Log.Refused(logger, opened.Id, phone.Masked, status);
        }
        return new DispatchOutcome(status, opened.Id, opened.ExpiresAt, opened.RetryAfter);
    }

    private DispatchOutcome Refuse(PhoneNumber phone, Refusal refusal)
    {
        Log.Blocked(logger, phone.Masked, refusal.Kind);
        metrics.Dispatched(DispatchStatus.Refused);
        return DispatchOutcome.Refuse(refusal);
    }
}
