namespace VoiceOtp.Core.Plivo;

// Plivo accepted the call. QueuedAtPlivo: it answered "call queued" (held behind the account's
// calls-per-second limit) rather than "call fired"; either way the request uuid identifies it.
public sealed record MakeCallResult(string RequestUuid, bool QueuedAtPlivo);
