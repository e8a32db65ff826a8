using Microsoft.Extensions.Options;
using VoiceOtp.Core.Phones;

namespace VoiceOtp.Core.Guards;

// The breakers a number falls under: its country, and its country plus the first
// BreakerPrefixLength digits after the country code (a pumped range often shares a prefix).
public sealed class BreakerScopes(IOptions<GuardOptions> options)
{
    public IReadOnlyList<string> For(PhoneNumber phone)
    {
        var length = options.Value.BreakerPrefixLength;
        var country = phone.RegionCode;
        var head = 1 + phone.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + length;
        return length == 0 || phone.E164.Length <= head ? [country] : [country, $"{country}:{phone.E164[..head]}"];
    }

    public static string CountryOf(string scope) => scope.Split(':')[0];
}
