namespace VoiceOtp.Core.Events;

// The expiry job ran at the expiry time but Redis still holds the session as pending (it expires
// the key a moment after the clock the job was scheduled by): the job is retried shortly.
public sealed class SessionNotExpiredYetException(string sessionId)
    : Exception($"session {sessionId} is still pending; looked again shortly");
