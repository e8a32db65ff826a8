using System.Security.Cryptography;

namespace VoiceOtp.Core.Sessions;

public static class SessionId
{
    // A version-4 UUID from the cryptographic RNG: the product may verify by session id, so the id
    // must not be predictable from earlier ones.
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    public static bool IsWellFormed(string? text) =>
        text is { Length: 36 } && Guid.TryParseExact(text, "D", out _);
}
