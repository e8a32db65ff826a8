using Hangfire;
using Microsoft.Extensions.Logging;
using VoiceOtp.Core.Events;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Core.Calls;

// Places one call of a session. Its arguments are stored in Redis and shown on the dashboard, so
// they are only the session id, the call number and the masked number.
[Queue("calls")]
public sealed partial class PlaceCallJob(
    OtpSessionStore sessions,
    CallAttemptStore calls,
    PlivoCallClient plivo,
    SessionEvents events,
    VoiceOtpMetrics metrics,
    MakeCallRequestFactory requests,
    ILogger<PlaceCallJob> logger)
{
    [JobDisplayName("Call {2}, call {1} of session {0}")]
    [AutomaticRetry(Attempts = 4, DelaysInSeconds = [5, 15, 30, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail,
        ExceptOn = [typeof(PlivoRequestRejectedException)])]
    public async Task RunAsync(string sessionId, int call, string maskedNumber, CancellationToken cancellationToken)
    {
        var phone = await sessions.FindPhoneAsync(sessionId);
        if (phone is null)
        {
            Log.Skipped(logger, sessionId, call);
            return;
        }
        // Issued before the claim: a failure here must not leave the call marked as posting.
        var token = await calls.IssueTokenAsync(phone, sessionId, call);
        // For the dispatch-to-call metric; read before the claim for the same reason.
        var dispatchedSessionExpiresAt = call == 1 ? await sessions.FindExpiresAtAsync(phone) : null;
        var claim = await calls.ClaimAsync(phone, sessionId, call);
        if (claim == CallClaim.Uncertain)
        {
            // An earlier run sent the request and then failed; Plivo may have placed that call, and
            // a second ring is worse than none (the product can dispatch again).
            Log.Uncertain(logger, sessionId, call);
            return;
        }
        if (claim != CallClaim.Claimed)
        {
            Log.Skipped(logger, sessionId, call);
            return;
        }

        var request = requests.Create(phone, token);
        try
        {
            var requestUuid = await plivo.MakeCallAsync(request, cancellationToken);
            await calls.RecordPlacedAsync(phone, sessionId, call, requestUuid);
            metrics.CallRequested(phone, placed: true, dispatchedSessionExpiresAt);
            Log.Placed(logger, sessionId, call, phone.Masked, requestUuid);
        }
        catch (PlivoRequestRejectedException e)
        {
            metrics.CallRequested(phone, placed: false, null);
            await calls.RecordRefusedAsync(phone, sessionId, call, e.Status ?? 0);
            Log.Refused(logger, sessionId, call, phone.Masked, e.Status ?? 0);
            await events.CallRefusedAsync(phone, sessionId, call);
            throw;
        }
        catch (PlivoApiException e) when (e.NotSent)
        {
            await calls.ReleaseAsync(phone, sessionId, call);
            throw;
        }
    }
}
