using System.Security.Cryptography;
using System.Text;

namespace VoiceOtp.Core.Codes;

// One configured master key, split by HKDF into independent keys so that the checking HMAC, the
// speaking cipher, the tags and the number's id and seal never share key material.
public sealed class CodeKeys
{
    public CodeKeys(byte[] masterKey)
    {
        if (masterKey.Length < 32)
            throw new ArgumentException("The code key must be at least 32 bytes.", nameof(masterKey));
        CodeMac = new KeyedMac(Derive(masterKey, "voiceotp code hmac v1"));
        SealKey = Derive(masterKey, "voiceotp code seal v1");
        TagMac = new KeyedMac(Derive(masterKey, "voiceotp limit tag v1"));
        PhoneIdMac = new KeyedMac(Derive(masterKey, "voiceotp phone id v1"));
        PhoneSealKey = Derive(masterKey, "voiceotp phone seal v1");
    }

    internal KeyedMac CodeMac { get; }

    internal byte[] SealKey { get; }

    // Names rate-limit counters after numbers, IPs and product keys without storing them.
    internal KeyedMac TagMac { get; }

    // Names a number's Redis keys (RedisKeys.PhoneId) without storing the number.
    internal KeyedMac PhoneIdMac { get; }

    // Seals the number the call placer dials (PhoneSealer).
    internal byte[] PhoneSealKey { get; }

    private static byte[] Derive(byte[] master, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, salt: [], info: Encoding.UTF8.GetBytes(purpose));
}
