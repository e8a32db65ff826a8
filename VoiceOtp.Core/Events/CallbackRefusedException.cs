namespace VoiceOtp.Core.Events;

// The engine will not connect to this callback URL; retrying cannot help, so delivery jobs do not
// retry it. The message never holds the URL or an address.
public sealed class CallbackRefusedException(string message) : Exception(message);
