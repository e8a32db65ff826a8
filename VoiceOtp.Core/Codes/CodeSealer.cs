using System.Text;

namespace VoiceOtp.Core.Codes;

// The answer webhook must speak the code, so a copy has to be recoverable; it is kept only as
// AES-GCM ciphertext bound to its session id, which makes a sealed copy useless in another session.
public sealed class CodeSealer(CodeKeys keys)
{
    public string Seal(string sessionId, OtpCode code) =>
        SealedBox.Seal(keys.SealKey, sessionId, Encoding.ASCII.GetBytes(code.Reveal()));

    public bool TryUnseal(string sessionId, string sealedCode, out OtpCode code)
    {
        code = default;
        return SealedBox.TryOpen(keys.SealKey, sessionId, sealedCode, out var plain)
            && OtpCode.TryParse(Encoding.ASCII.GetString(plain), out code);
    }
}
