using Microsoft.Extensions.Options;
using PhoneNumbers;
using VoiceOtp.Core.Guards;

namespace VoiceOtp.Core.Phones;

// Decides, from configuration alone, whether a valid number may ever be called. No Redis: a
// refusal here costs nothing.
public sealed class NumberPolicy(IOptions<GuardOptions> options)
{
    public Refusal? Check(PhoneNumber phone)
    {
        var o = options.Value;
        if (phone.IsNonGeographic && !o.AllowsNonGeographic)
            return Refusal.Blocked("numbers in international non-geographic ranges (such as +979, +881, +882, +883) are not called");
        if (!o.Allows(phone.Type))
            return Refusal.Blocked($"{Describe(phone.Type)} numbers are not called");
        if (o.AllowedCountries.Length > 0 && !phone.IsNonGeographic
            && !o.AllowedCountries.Contains(phone.RegionCode, StringComparer.OrdinalIgnoreCase))
            return Refusal.Blocked($"numbers in {phone.RegionCode} are not called");
        if (o.BlockedPrefixes.Any(p => phone.E164.StartsWith(p, StringComparison.Ordinal)))
            return Refusal.Blocked("numbers in this range are not called");
        return null;
    }

    private static string Describe(PhoneNumberType type) => type switch
    {
        PhoneNumberType.PREMIUM_RATE => "premium-rate",
        PhoneNumberType.SHARED_COST => "shared-cost",
        PhoneNumberType.UAN => "universal access (UAN)",
        PhoneNumberType.VOICEMAIL => "voicemail access",
        PhoneNumberType.PERSONAL_NUMBER => "personal",
        PhoneNumberType.PAGER => "pager",
        _ => type.ToString().ToLowerInvariant().Replace('_', ' '),
    };
}
