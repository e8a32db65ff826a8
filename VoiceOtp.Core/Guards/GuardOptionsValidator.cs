using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace VoiceOtp.Core.Guards;

// Messages name the key (and the offending list entry, which is never a secret).
public sealed partial class GuardOptionsValidator : IValidateOptions<GuardOptions>
{
    private static readonly HashSet<string> Regions =
        new(PhoneNumberUtil.GetInstance().GetSupportedRegions(), StringComparer.Ordinal);

    public ValidateOptionsResult Validate(string? name, GuardOptions o)
    {
        var b = new ValidateOptionsResultBuilder();
        const string s = GuardOptions.Section;
        foreach (var t in o.AllowedNumberTypes.Where(t => !IsNumberType(t)))
            b.AddError($"{s}:AllowedNumberTypes holds '{t}', which is not a libphonenumber PhoneNumberType name or {GuardOptions.NonGeographic}");
        foreach (var c in o.AllowedCountries.Where(c => !IsRegion(c)))
            b.AddError($"{s}:AllowedCountries holds '{c}', which is not an ISO 3166 alpha-2 code of a region with phone numbers");
        foreach (var p in o.BlockedPrefixes.Where(p => !Prefix().IsMatch(p ?? "")))
            b.AddError($"{s}:BlockedPrefixes holds '{p}', which is not an E.164 prefix such as +4470");
        foreach (var c in o.CallRates.Keys.Where(c => !IsRegion(c) && c != Phones.PhoneNumber.NonGeographicRegion))
            b.AddError($"{s}:CallRates holds '{c}', which is not an ISO 3166 alpha-2 code (or 001)");
        if (o.CallRates.Values.Any(r => r is < 0 or > 100) || o.DefaultCallRate is < 0 or > 100)
            b.AddError($"{s}:CallRates and {s}:DefaultCallRate must be prices per minute between 0 and 100");
        Range(b, $"{s}:DispatchesPerNumberPerHour", o.DispatchesPerNumberPerHour, 1, 1000);
        Range(b, $"{s}:DispatchesPerNumberPerDay", o.DispatchesPerNumberPerDay, 1, 10_000);
        Range(b, $"{s}:DispatchesPerApiKeyPerMinute", o.DispatchesPerApiKeyPerMinute, 1, 1_000_000);
        Range(b, $"{s}:DispatchesPerClientIpPerHour", o.DispatchesPerClientIpPerHour, 1, 1_000_000);
        Range(b, $"{s}:DispatchesPerRateLimitKeyPerHour", o.DispatchesPerRateLimitKeyPerHour, 1, 1_000_000);
        Range(b, $"{s}:VerifiesPerClientIpPerHour", o.VerifiesPerClientIpPerHour, 1, 1_000_000);
        Range(b, $"{s}:VerifiesPerRateLimitKeyPerHour", o.VerifiesPerRateLimitKeyPerHour, 1, 1_000_000);
        Range(b, $"{s}:CountryHourlyCallLimit", o.CountryHourlyCallLimit, 0, 10_000_000);
        Range(b, $"{s}:BreakerPrefixLength", o.BreakerPrefixLength, 0, 8);
        Range(b, $"{s}:ConversionWindowSessions", o.ConversionWindowSessions, 2, 1000);
        Range(b, $"{s}:BreakerCooldownSeconds", o.BreakerCooldownSeconds, 1, 7 * 86_400);
        Range(b, $"{s}:BillingIncrementSeconds", o.BillingIncrementSeconds, 1, 3600);
        if (o.MinConversionRate is < 0 or > 1 || double.IsNaN(o.MinConversionRate))
            b.AddError($"{s}:MinConversionRate must be between 0 and 1");
        if (o.DailySpendLimit < 0 || o.DailySpendLimitPerCountry < 0)
            b.AddError($"{s}:DailySpendLimit and {s}:DailySpendLimitPerCountry must not be negative (0 means no cap)");
        return b.Build();
    }

    private static bool IsNumberType(string? t) =>
        string.Equals(t, GuardOptions.NonGeographic, StringComparison.OrdinalIgnoreCase)
        || (Enum.TryParse<PhoneNumberType>(t, true, out var type) && !int.TryParse(t, out _) && type != PhoneNumberType.UNKNOWN);

    private static bool IsRegion(string? c) => c is { Length: 2 } && Regions.Contains(c.ToUpperInvariant());

    private static void Range(ValidateOptionsResultBuilder b, string key, int value, int min, int max)
    {
        if (value < min || value > max)
            b.AddError($"{key} must be between {min} and {max}");
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{0,14}$")]
    private static partial Regex Prefix();
}
