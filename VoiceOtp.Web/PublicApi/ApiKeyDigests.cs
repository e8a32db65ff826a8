using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using VoiceOtp.Core;

namespace VoiceOtp.Web.PublicApi;

// The configured keys' SHA-256 digests, made once rather than on every request.
public sealed class ApiKeyDigests(IOptions<VoiceOtpOptions> options)
{
    private readonly byte[][] _digests = [.. options.Value.ApiKeys.Select(Of)];

    public static byte[] Of(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    // Every digest is compared, so the time taken does not say which key matched; -1 for none.
    public int IndexOf(byte[] given)
    {
        var match = -1;
        for (var i = 0; i < _digests.Length; i++)
            if (CryptographicOperations.FixedTimeEquals(given, _digests[i]))
                match = i;
        return match;
    }
}
