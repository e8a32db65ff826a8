namespace VoiceOtp.Core.Events;

// Receiver failed: unreachable, too slow, or it answered 5xx, 408 or 429. Not delivered, so the
// delivery job retries it with back-off. The message never holds the URL, the body or the
// receiver's answer.
public sealed class CallbackDeliveryException(string message) : Exception(message);
