using System.Security.Cryptography;
using PhoneNumbers;

namespace VoiceOtp.Tests.Infrastructure;

// Real numbers from libphonenumber's own metadata, so that tests never guess at validity.
public static class ExampleNumbers
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // Three random digits repeat often enough (about 1 % of runs for five numbers) that a test once met
    // its own earlier number's call; none is handed out twice in one run.
    private static readonly HashSet<string> Issued = [];

    // The example for a type in the first region (alphabetically) whose metadata has one.
    public static string OfType(PhoneNumberType type) =>
        Util.GetSupportedRegions().Order(StringComparer.Ordinal)
            .Select(r => Util.GetExampleNumberForType(r, type))
            .Where(n => n is not null && Util.GetNumberType(n) == type)
            .Select(E164).First();

    public static string For(string region, PhoneNumberType type) => E164(Util.GetExampleNumberForType(region, type));

    public static string NonGeographic(int countryCode) => E164(Util.GetExampleNumberForNonGeoEntity(countryCode));

    // A fresh valid number of the region's type, not handed out before in this run: the example with
    // its last three digits replaced.
    public static string Fresh(string region, PhoneNumberType type)
    {
        var example = For(region, type);
        for (var i = 0; i < 1000; i++)
        {
            var candidate = example[..^3] + RandomNumberGenerator.GetInt32(0, 1000).ToString("000");
            var parsed = Util.Parse(candidate, null);
            if (Util.IsValidNumber(parsed) && Util.GetNumberType(parsed) == type && FirstTime(candidate))
                return candidate;
        }
        throw new InvalidOperationException($"no fresh {type} number found for {region}");
    }

    private static bool FirstTime(string number)
    {
        lock (Issued)
            return Issued.Add(number);
    }

    private static string E164(PhoneNumbers.PhoneNumber n) => Util.Format(n, PhoneNumberFormat.E164);
}
