using System.Security.Cryptography;
using System.Text;

namespace VoiceOtp.Tests.Events;

// The receiver-side check exactly as the README shows it (ReadmeSnippet_MatchesThisFile keeps the
// two identical), so the tests verify deliveries the way a product backend would.
public static class ReadmeSignatureCheck
{
    // README-SNIPPET-START
    public static bool IsGenuine(string secret, string timestamp, string signature, string body, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, out var ts) || Math.Abs(now.ToUnixTimeSeconds() - ts) > 300)
            return false; // missing, malformed, or older than 5 minutes: a replay
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body));
        var expected = Encoding.ASCII.GetBytes("v1=" + Convert.ToHexStringLower(mac));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
    // README-SNIPPET-END
}
