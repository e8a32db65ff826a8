using VoiceOtp.Core.Guards;

namespace VoiceOtp.Tests.Guards;

public sealed class GuardOptionsValidatorTests
{
    private static IEnumerable<string> Errors(GuardOptions o) =>
        new GuardOptionsValidator().Validate(null, o).Failures ?? [];

    [Test]
    public void Validate_Passes_ForTheDefaults() => Assert.That(Errors(new GuardOptions()), Is.Empty);

    [Test]
    public void Validate_NamesEachBadKey()
    {
        var errors = Errors(new GuardOptions
        {
            AllowedCountries = ["GB", "XX"],
            BlockedPrefixes = ["4470"],
            AllowedNumberTypes = ["MOBILE", "PREMIUM"],
            CallRates = new() { ["ZZ"] = 1m },
            MinConversionRate = 1.5,
            DispatchesPerNumberPerHour = 0,
        }).ToList();

        Assert.That(errors, Has.Some.Contains("VoiceOtp:AllowedCountries").And.Some.Contains("'XX'"));
        Assert.That(errors, Has.Some.Contains("VoiceOtp:BlockedPrefixes"));
        Assert.That(errors, Has.Some.Contains("VoiceOtp:AllowedNumberTypes"));
        Assert.That(errors, Has.Some.Contains("VoiceOtp:CallRates"));
        Assert.That(errors, Has.Some.Contains("VoiceOtp:MinConversionRate"));
        Assert.That(errors, Has.Some.Contains("VoiceOtp:DispatchesPerNumberPerHour"));
        Assert.That(errors.Any(e => e.Contains("'GB'")), Is.False);
    }
}
