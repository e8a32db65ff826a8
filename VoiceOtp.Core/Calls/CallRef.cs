using VoiceOtp.Core.Phones;

namespace VoiceOtp.Core.Calls;

// What a call token points at: the CallNumber-th call of a session (one name for it everywhere:
// "attempts" are verify attempts and Hangfire's own retries only). Phone is the number's keyed id,
// which names the session's keys; the number itself is unsealed only to place the call.
public sealed record CallRef(PhoneId Phone, string SessionId, int CallNumber);
