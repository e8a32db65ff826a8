using System.Security.Cryptography;
using System.Text;

namespace VoiceOtp.Core.Codes;

// The answer webhook must speak the code, so a copy has to be recoverable; it is kept only as
// AES-GCM ciphertext bound to its session id, which makes a sealed copy useless in another session.
public sealed class CodeSealer(CodeKeys keys)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public string Seal(string sessionId, OtpCode code)
    {
        var plain = Encoding.ASCII.GetBytes(code.Reveal());
        var box = new byte[NonceSize + TagSize + plain.Length];
        var nonce = box.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.SealKey, TagSize);
        aes.Encrypt(nonce, plain, box.AsSpan(NonceSize + TagSize), box.AsSpan(NonceSize, TagSize), Ad(sessionId));
        return Convert.ToBase64String(box);
    }

    public bool TryUnseal(string sessionId, string sealedCode, out OtpCode code)
    {
        code = default;
        var box = new byte[sealedCode.Length];
        if (!Convert.TryFromBase64String(sealedCode, box, out var length) || length <= NonceSize + TagSize)
            return false;
        var plain = new byte[length - NonceSize - TagSize];
        using var aes = new AesGcm(keys.SealKey, TagSize);
        try
        {
            aes.Decrypt(box.AsSpan(0, NonceSize), box.AsSpan(NonceSize + TagSize, plain.Length),
                box.AsSpan(NonceSize, TagSize), plain, Ad(sessionId));
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
        return OtpCode.TryParse(Encoding.ASCII.GetString(plain), out code);
    }

    private static byte[] Ad(string sessionId) => Encoding.UTF8.GetBytes(sessionId);
}
