using Hangfire;
using Microsoft.Extensions.Logging;

namespace VoiceOtp.Core.Events;

// Delivers one event. Its only argument is the event id (session id and event name); the URL and
// body stay in Redis. Every outcome is a state on the dashboard (DeliveryRetryPolicy holds the
// retry policy, which is configuration and so cannot be an attribute here):
//   delivered                       Succeeded
//   CallbackDeliveryException       receiver failed (unreachable, slow, 5xx, 408, 429): retried after
//                                   each of VoiceOtp:CallbackRetryDelaysSeconds, then Failed
//   CallbackReceiverRefusedException receiver refused (another 4xx, a redirect): Failed at once
//   CallbackHostNotAllowedException host not allowed (allowlist, private address): Failed at once
//   EventGoneException              the event is no longer stored: Failed at once
//   JobSkippedException             already delivered by an earlier run: Deleted ("Skipped: ...")
[SkippedJobState]
public sealed partial class DeliverEventJob(EventOutbox outbox, CallbackClient client, ILogger<DeliverEventJob> logger)
{
    [JobDisplayName("Event {0}")]
    public async Task RunAsync(string eventId, CancellationToken cancellationToken)
    {
        var e = await outbox.FindAsync(eventId);
        if (e is null)
        {
            Log.Gone(logger, eventId);
            throw new EventGoneException(eventId);
        }
        if (e.Value.Delivered)
            throw new JobSkippedException("the event was already delivered");
        await client.PostAsync(e.Value.Url, eventId, e.Value.Body, cancellationToken);
        await outbox.MarkDeliveredAsync(eventId);
        Log.Delivered(logger, eventId);
    }
}
