namespace VoiceOtp.Core.Events;

// The receiver did not take the event (unreachable, slow, or a non-2xx answer): retried with
// back-off. The message never holds the URL, the body or the receiver's answer.
public sealed class CallbackDeliveryException(string message) : Exception(message);
