using PhoneNumbers;

namespace VoiceOtp.Core.Phones;

// An E.164 number that libphonenumber judged valid. Logs and the dashboard only ever see Masked.
public sealed class PhoneNumber : IEquatable<PhoneNumber>
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private readonly PhoneNumbers.PhoneNumber _parsed;
    private PhoneNumberType? _type;

    private PhoneNumber(PhoneNumbers.PhoneNumber parsed, string e164, string regionCode)
    {
        _parsed = parsed;
        E164 = e164;
        RegionCode = regionCode;
        CountryCode = parsed.CountryCode;
    }

    public string E164 { get; }

    // ISO 3166 alpha-2, or "001" for non-geographic ranges (+800, +808, +870, +878, +881, +882,
    // +883, +888, +979): those belong to no country.
    public string RegionCode { get; }

    // Worked out on first use: only the dispatch policy asks, and it costs as much as the validation
    // again (libphonenumber matches the number against every type's pattern).
    public PhoneNumberType Type => _type ??= Util.GetNumberType(_parsed);

    public int CountryCode { get; }

    // RedisKeys.PhoneId's answer for this number, with the key set that made it: one request names
    // the number in several keys, and each would otherwise compute the same HMAC again.
    internal PhoneIdMemo? IdMemo { get; set; }

    public bool IsNonGeographic => RegionCode == NonGeographicRegion;

    public const string NonGeographicRegion = "001";

    public string Masked => PhoneMask.Of(E164);

    // Plivo's guide passes numbers without the leading +, so a bare string of digits is read as
    // international too; national formats are refused because we cannot know the country.
    public static bool TryParse(string? text, out PhoneNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32 || !IsPlainAscii(text))
            return false;
        var candidate = text.Trim();
        if (!candidate.StartsWith('+'))
            candidate = "+" + candidate;
        try
        {
            var parsed = Util.Parse(candidate, null);
            // IsValidNumber would look the region up again (for +1 that matches the number against
            // each NANP region's patterns), so it is looked up once and validated against.
            var region = Util.GetRegionCodeForNumber(parsed);
            if (region is null || !Util.IsValidNumberForRegion(parsed, region))
                return false;
            number = new PhoneNumber(parsed, Util.Format(parsed, PhoneNumberFormat.E164), region);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    // libphonenumber reads full-width and other scripts' digits and turns letters into keypad digits
    // (1-800-FLOWERS); a number from an API is ASCII digits with the usual separators, nothing else.
    private static bool IsPlainAscii(string text) =>
        text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '.' or '(' or ')');

    public bool Equals(PhoneNumber? other) => other is not null && other.E164 == E164;

    public override bool Equals(object? obj) => Equals(obj as PhoneNumber);

    public override int GetHashCode() => E164.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Masked;
}
