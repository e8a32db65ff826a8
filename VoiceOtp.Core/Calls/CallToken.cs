using System.Security.Cryptography;
using System.Text;

namespace VoiceOtp.Core.Calls;

public static class CallToken
{
    // 32 random bytes in URL-safe base64: the token sits in the answer and hangup URLs, so it must
    // be unguessable, and it is fresh per call so it reveals neither the code nor the session id.
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static bool IsWellFormed(string? text) =>
        text is { Length: 43 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    // Redis stores only this digest, so reading Redis does not yield a working webhook URL.
    public static string LookupId(string token) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
