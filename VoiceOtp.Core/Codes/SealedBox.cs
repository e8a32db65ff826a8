using System.Security.Cryptography;
using System.Text;

namespace VoiceOtp.Core.Codes;

// AES-GCM with a fresh random nonce, bound to associated data (a session id), as base64 of
// nonce | tag | ciphertext. Shared by the code and the number seals, each with a key of its own.
internal static class SealedBox
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static string Seal(byte[] key, string associatedData, byte[] plain)
    {
        var box = new byte[NonceSize + TagSize + plain.Length];
        var nonce = box.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, box.AsSpan(NonceSize + TagSize), box.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(box);
    }

    public static bool TryOpen(byte[] key, string associatedData, string sealedText, out byte[] plain)
    {
        plain = [];
        var box = new byte[sealedText.Length];
        if (!Convert.TryFromBase64String(sealedText, box, out var length) || length <= NonceSize + TagSize)
            return false;
        var opened = new byte[length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(box.AsSpan(0, NonceSize), box.AsSpan(NonceSize + TagSize, opened.Length),
                box.AsSpan(NonceSize, TagSize), opened, Encoding.UTF8.GetBytes(associatedData));
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
        plain = opened;
        return true;
    }
}
