namespace VoiceOtp.Core.Events;

// Receiver refused: it answered the event with a 4xx other than 408 and 429 (or a redirect, which
// is never followed), so it has seen the event and will not take it; the same event would be
// refused again, and the delivery job fails at once. The message holds the status code only.
public sealed class CallbackReceiverRefusedException(string message) : Exception(message);
