using Hangfire;
using Microsoft.Extensions.Logging;

namespace VoiceOtp.Core.Events;

// Delivers one event. Its only argument is the event id (session id and event name); the URL and
// body stay in Redis. Retry policy: CallbackDeliveryException is retried after each of
// VoiceOtp:CallbackRetryDelaysSeconds (about a day in all by default), CallbackRefusedException
// fails at once. The policy is configuration, so it is attached by DeliveryRetryPolicy in
// HangfireRegistration rather than by an [AutomaticRetry] attribute here.
public sealed partial class DeliverEventJob(EventOutbox outbox, CallbackClient client, ILogger<DeliverEventJob> logger)
{
    [JobDisplayName("Event {0}")]
    public async Task RunAsync(string eventId, CancellationToken cancellationToken)
    {
        var e = await outbox.FindAsync(eventId);
        if (e is null)
        {
            Log.Gone(logger, eventId);
            return;
        }
        if (e.Value.Delivered)
            return;
        await client.PostAsync(e.Value.Url, eventId, e.Value.Body, cancellationToken);
        await outbox.MarkDeliveredAsync(eventId);
        Log.Delivered(logger, eventId);
    }
}
