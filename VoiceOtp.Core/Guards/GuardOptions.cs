using PhoneNumbers;

namespace VoiceOtp.Core.Guards;

// The VoiceOtp:* keys that protect the engine against toll fraud and floods. They share the section
// with VoiceOtpOptions but live apart, so that the session settings stay readable on their own.
public sealed class GuardOptions
{
    public const string Section = VoiceOtpOptions.Section;

    // Types a caller may be sent a code on. Premium rate, shared cost, UAN, voicemail access,
    // personal numbers and pagers are the ranges toll fraud pumps, so they are left out.
    // NON_GEOGRAPHIC is not a libphonenumber type: listing it allows the "001" ranges (+881, +882, ...).
    public static readonly string[] DefaultAllowedNumberTypes =
        ["FIXED_LINE", "MOBILE", "FIXED_LINE_OR_MOBILE", "TOLL_FREE", "VOIP"];

    public const string NonGeographic = "NON_GEOGRAPHIC";

    // Arrays are empty by default because the configuration binder appends to an array it finds filled.
    public string[] AllowedNumberTypes { get; set; } = [];
    public string[] AllowedCountries { get; set; } = [];
    public string[] BlockedPrefixes { get; set; } = [];

    public int DispatchesPerNumberPerHour { get; set; } = 5;
    public int DispatchesPerNumberPerDay { get; set; } = 10;
    public int DispatchesPerApiKeyPerMinute { get; set; } = 600;
    public int DispatchesPerClientIpPerHour { get; set; } = 10;
    public int DispatchesPerRateLimitKeyPerHour { get; set; } = 10;
    public int VerifiesPerClientIpPerHour { get; set; } = 30;
    public int VerifiesPerRateLimitKeyPerHour { get; set; } = 30;

    // 0 turns a rule off.
    public int CountryHourlyCallLimit { get; set; } = 1000;
    public int BreakerPrefixLength { get; set; } = 3;
    public int ConversionWindowSessions { get; set; } = 50;
    public double MinConversionRate { get; set; } = 0.2;
    public int BreakerCooldownSeconds { get; set; } = 3600;

    public Dictionary<string, decimal> CallRates { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public decimal DefaultCallRate { get; set; } = 0.05m;
    public int BillingIncrementSeconds { get; set; } = 60;
    public decimal DailySpendLimit { get; set; } = 100m;
    public decimal DailySpendLimitPerCountry { get; set; } = 25m;

    public IEnumerable<string> EffectiveAllowedNumberTypes =>
        AllowedNumberTypes.Length == 0 ? DefaultAllowedNumberTypes : AllowedNumberTypes;

    public bool AllowsNonGeographic =>
        EffectiveAllowedNumberTypes.Contains(NonGeographic, StringComparer.OrdinalIgnoreCase);

    public bool Allows(PhoneNumberType type) =>
        EffectiveAllowedNumberTypes.Any(t => Enum.TryParse<PhoneNumberType>(t, true, out var allowed) && allowed == type);

    public decimal RateFor(string region) => CallRates.TryGetValue(region, out var rate) ? rate : DefaultCallRate;
}
