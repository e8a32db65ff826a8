using VoiceOtp.Core.Codes;

namespace VoiceOtp.Core.Phones;

// A number's PhoneId remembered on the number itself, valid only for the key set that made it. A
// class, so that threads sharing a PhoneNumber swap it whole and never read half of one.
internal sealed record PhoneIdMemo(CodeKeys Keys, PhoneId Id);
