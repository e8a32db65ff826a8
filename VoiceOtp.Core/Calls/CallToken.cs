using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using VoiceOtp.Core.Phones;

namespace VoiceOtp.Core.Calls;

// The token in a call's answer, ring and hangup URLs names its call and carries a fresh secret:
// session id (16 bytes), call number (1), the number's keyed id (16), then 16 random bytes, in
// URL-safe base64 (66 characters). Naming the call in the token saves a Redis key per call; the
// call record keeps only the digest of the whole token, so a token works only while it is the
// call's current one (a re-placed call gets a fresh secret), and reading Redis yields no working
// URL. It carries neither the code nor the number.
public static class CallToken
{
    private const int SecretBytes = 16;
    private const int TotalBytes = 16 + 1 + 16 + SecretBytes;
    public const int Length = (TotalBytes * 8 + 5) / 6;

    public static string For(CallRef call)
    {
        Span<byte> bytes = stackalloc byte[TotalBytes];
        if (!Guid.TryParseExact(call.SessionId, "D", out var session) || call.CallNumber is < 1 or > byte.MaxValue
            || !PhoneId.IsWellFormed(call.Phone.Value))
            throw new ArgumentException("not a call reference a token can name", nameof(call));
        session.TryWriteBytes(bytes[..16]);
        bytes[16] = (byte)call.CallNumber;
        Convert.FromHexString(call.Phone.Value, bytes.Slice(17, 16), out _, out _);
        RandomNumberGenerator.Fill(bytes[33..]);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool IsWellFormed(string? text) =>
        text is { Length: Length } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    // The call a well-formed token names; whether it is the call's current token is for Redis to say.
    public static bool TryRead(string? token, out CallRef? call)
    {
        call = null;
        if (!IsWellFormed(token))
            return false;
        Span<byte> bytes = stackalloc byte[TotalBytes];
        try
        {
            if (Base64Url.DecodeFromChars(token, bytes) != TotalBytes || bytes[16] == 0)
                return false;
        }
        catch (FormatException)
        {
            return false;
        }
        call = new CallRef(new PhoneId(Convert.ToHexStringLower(bytes.Slice(17, 16))),
            new Guid(bytes[..16]).ToString("D"), bytes[16]);
        return true;
    }

    // What the call record keeps of its current token: the first 128 bits of its SHA-256, as many as
    // the token's random part, so a digest read from Redis is no easier to turn into a working
    // token than guessing one, at half the bytes of the full hash in every call record.
    public static string Digest(string token) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(token)).AsSpan(0, 16));
}
