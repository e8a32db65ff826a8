using System.Text;
using VoiceOtp.Core.Codes;

namespace VoiceOtp.Core.Phones;

// Redis never holds a number in the clear: the one copy the call placer dials (and a verify by
// session id reads) is AES-GCM ciphertext bound to its session id, under a key of its own, and is
// opened only in memory.
public sealed class PhoneSealer(CodeKeys keys)
{
    public string Seal(string sessionId, PhoneNumber phone) =>
        SealedBox.Seal(keys.PhoneSealKey, sessionId, Encoding.ASCII.GetBytes(phone.E164));

    public bool TryUnseal(string sessionId, string? sealedNumber, out PhoneNumber? phone)
    {
        phone = null;
        return sealedNumber is not null && SealedBox.TryOpen(keys.PhoneSealKey, sessionId, sealedNumber, out var plain)
            && PhoneNumber.TryParse(Encoding.ASCII.GetString(plain), out phone);
    }
}
