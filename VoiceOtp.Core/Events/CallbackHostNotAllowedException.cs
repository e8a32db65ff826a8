namespace VoiceOtp.Core.Events;

// Host not allowed: the engine will not connect to this callback URL (outside VoiceOtp:CallbackHosts,
// or resolving to a private or reserved address it does not name). Retrying cannot help, so the
// delivery job fails at once. The message never holds the URL or an address.
public sealed class CallbackHostNotAllowedException(string message) : Exception(message);
