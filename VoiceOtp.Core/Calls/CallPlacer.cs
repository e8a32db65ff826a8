using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceOtp.Core.Events;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Core.Calls;

// Places one claimed call: puts the posting mark, sends the one Make-a-call request, and records
// what Plivo said (PlaceOutcome lists every result and what follows it). It never sends a second
// request for a call while Plivo may have received the first: a request that surely never left goes
// back to the queue, one that may have arrived waits for evidence (see CallQueue).
public sealed partial class CallPlacer(
    CallQueue queue,
    PlivoCallClient plivo,
    SessionEvents events,
    PhoneSealer phones,
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
        var started = await queue.StartAsync(call, Lease);
        if (started.Claim != CallClaim.Claimed)
        {
            Log.Skipped(logger, call.SessionId, call.CallNumber, started.Claim);
            return PlaceOutcome.Skipped;
        }
        // The number is opened here, in memory, for the one request that dials it. One that does not
        // open (another CodeKey, a damaged record) cannot be dialled: the call is refused for good.
        if (!phones.TryUnseal(call.SessionId, started.SealedNumber, out var phone))
        {
            await queue.RecordRefusedAsync(call, 0);
            Log.Unsealable(logger, call.SessionId, call.CallNumber);
            await events.CallRefusedAsync(call.Phone, call.SessionId, call.CallNumber);
            return PlaceOutcome.RefusedFail;
        }
        // For the dispatch-to-call metric: only the first call follows its dispatch directly.
        var dispatchedSessionExpiresAt = call.CallNumber == 1 ? started.SessionExpiresAt : null;

        var request = requests.Create(phone!, started.Token);
        try
        {
            // Not cancelled on shutdown: a request abandoned half-way would turn into an uncertain call.
            var placed = await plivo.MakeCallAsync(request, CancellationToken.None);
            await queue.RecordPlacedAsync(call, placed);
            metrics.CallRequested(phone!.RegionCode, placed: true, dispatchedSessionExpiresAt);
            Log.Placed(logger, call.SessionId, call.CallNumber, phone.Masked, placed.RequestUuid, placed.QueuedAtPlivo);
            return placed.QueuedAtPlivo ? PlaceOutcome.QueuedAtPlivo : PlaceOutcome.Placed;
        }
        catch (PlivoRequestRejectedException e)
        {
            metrics.CallRequested(phone!.RegionCode, placed: false, null);
            await queue.RecordRefusedAsync(call, e.Status ?? 0);
            Log.Refused(logger, call.SessionId, call.CallNumber, phone.Masked, e.Status ?? 0);
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
