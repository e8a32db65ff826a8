using VoiceOtp.Core.Phones;

namespace VoiceOtp.Core.Calls;

// What a call token points at.
public sealed record CallRef(PhoneNumber Phone, string SessionId, int Attempt);
