namespace VoiceOtp.Core.Events;

// The event's record is no longer stored (it outlived VoiceOtp:EventTtl or was never written):
// nothing can be delivered, so the delivery job fails at once, visibly.
public sealed class EventGoneException(string eventId) : Exception($"event {eventId} is no longer stored");
