using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceOtp.Core.Events;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Core.Calls;

// Places one claimed call: puts the posting mark, sends the one Make-a-call request, and records
// what Plivo said (PlaceOutcome lists every result and what follows it). It never sends a second
// request for a call while Plivo may have received the first: a request that surely never left goes
// back to the queue, one that may have arrived waits for evidence (see CallQueue).
public sealed partial class CallPlacer(
    CallQueue queue,
    PlivoCallClient plivo,
    SessionEvents events,
    OtpSessionStore sessions,
    VoiceOtpMetrics metrics,
    MakeCallRequestFactory requests,
    UncertainCallResolver resolver,
    IOptions<VoiceOtpOptions> options,
    IOptions<PlivoOptions> plivoOptions,
    ILogger<CallPlacer> logger)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    // Longer than Plivo's timeout, so that a live pump always finishes a call before its lease ends.
    public TimeSpan Lease => TimeSpan.FromSeconds(plivoOptions.Value.TimeoutSeconds * 2 + 20);

    public TimeSpan UncertainWindow => resolver.Window;

    public async Task<PlaceOutcome> PlaceAsync(CallRef call, CancellationToken cancellationToken)
    {
        // For the dispatch-to-call metric; a failure here leaves the call leased, and the lease returns it.
        var dispatchedSessionExpiresAt = call.CallNumber == 1 ? await sessions.FindExpiresAtAsync(call.Phone) : null;
        var (claim, token) = await queue.StartAsync(call, Lease);
        if (claim != CallClaim.Claimed)
        {
            Log.Skipped(logger, call.SessionId, call.CallNumber, claim);
            return PlaceOutcome.Skipped;
        }

        var request = requests.Create(call.Phone, token);
        try
        {
            // Not cancelled on shutdown: a request abandoned half-way would turn into an uncertain call.
            var placed = await plivo.MakeCallAsync(request, CancellationToken.None);
            await queue.RecordPlacedAsync(call, placed);
            metrics.CallRequested(call.Phone, placed: true, dispatchedSessionExpiresAt);
            Log.Placed(logger, call.SessionId, call.CallNumber, call.Phone.Masked, placed.RequestUuid, placed.QueuedAtPlivo);
            return placed.QueuedAtPlivo ? PlaceOutcome.QueuedAtPlivo : PlaceOutcome.Placed;
        }
        catch (PlivoRequestRejectedException e)
        {
            metrics.CallRequested(call.Phone, placed: false, null);
            await queue.RecordRefusedAsync(call, e.Status ?? 0);
            Log.Refused(logger, call.SessionId, call.CallNumber, call.Phone.Masked, e.Status ?? 0);
            await events.CallRefusedAsync(call.Phone, call.SessionId, call.CallNumber);
            return PlaceOutcome.RefusedFail;
        }
        catch (PlivoApiException e) when (e.NotSent)
        {
            var pause = e.Status == 429
                ? e.RetryAfter is { } after && after > TimeSpan.Zero ? after : TimeSpan.FromSeconds(options.Value.PlivoRateLimitPauseSeconds)
                : (TimeSpan?)null;
            var delay = pause is { } p
                ? await queue.ReleaseAsync(call, p, p)
                : await queue.ReleaseAsync(call, FirstBackoff, MaxBackoff);
            Log.NotSent(logger, call.SessionId, call.CallNumber, e.Message, delay.TotalSeconds);
            return PlaceOutcome.NotSentRetry;
        }
        catch (PlivoApiException e)
        {
            // A timeout or a 5xx: Plivo may have placed the call. It is not posted again until its
            // evidence window passes without a callback for its token (UncertainCallResolver).
            await queue.MarkUncertainAsync(call, resolver.Window);
            Log.MaybeSent(logger, call.SessionId, call.CallNumber, e.Message, resolver.Window.TotalSeconds);
            return PlaceOutcome.UnknownResolve;
        }
    }
}
