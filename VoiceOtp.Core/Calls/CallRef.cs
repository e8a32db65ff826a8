using VoiceOtp.Core.Phones;

namespace VoiceOtp.Core.Calls;

// What a call token points at: the CallNumber-th call of a session (one name for it everywhere:
// "attempts" are verify attempts and Hangfire's own retries only).
public sealed record CallRef(PhoneNumber Phone, string SessionId, int CallNumber);
