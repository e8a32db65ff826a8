using System.Text;
using VoiceOtp.Core.Codes;

namespace VoiceOtp.Core.Guards;

// Counter keys are named by a keyed digest of what they count (a number, an API key's digest, an
// IP, a product's user key), so Redis never holds those values and they cannot be guessed back
// from a key list by hashing candidates.
public sealed class GuardTags(CodeKeys keys)
{
    public string Of(string kind, string value)
    {
        var mac = keys.TagMac.Of(Encoding.UTF8.GetBytes(kind + "\n" + value));
        return Convert.ToHexStringLower(mac, 0, 16);
    }
}
