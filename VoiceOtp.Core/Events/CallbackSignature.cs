using System.Security.Cryptography;
using System.Text;

namespace VoiceOtp.Core.Events;

// X-VoiceOtp-Signature: "v1=" + hex HMAC-SHA256 over "{timestamp}.{body}", keyed by the UTF-8 bytes
// of VoiceOtp:CallbackSecret. The timestamp is signed so that a receiver can refuse old replays;
// "v1=" leaves room for a second scheme during a rotation.
public static class CallbackSignature
{
    public const string TimestampHeader = "X-VoiceOtp-Timestamp";
    public const string SignatureHeader = "X-VoiceOtp-Signature";
    public const string EventIdHeader = "X-VoiceOtp-Event-Id";

    public static string Compute(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "v1=" + Convert.ToHexStringLower(mac);
    }
}
