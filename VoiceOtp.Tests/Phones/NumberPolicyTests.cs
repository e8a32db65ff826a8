using Microsoft.Extensions.Options;
using PhoneNumberType = PhoneNumbers.PhoneNumberType;
using VoiceOtp.Core.Guards;
using VoiceOtp.Core.Phones;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Phones;

public sealed class NumberPolicyTests
{
    private static Refusal? Check(string e164, GuardOptions? options = null)
    {
        Assert.That(PhoneNumber.TryParse(e164, out var phone), Is.True, "the example number must be valid");
        return new NumberPolicy(Options.Create(options ?? new GuardOptions())).Check(phone!);
    }

    [TestCase(PhoneNumberType.PREMIUM_RATE, "premium-rate")]
    [TestCase(PhoneNumberType.SHARED_COST, "shared-cost")]
    [TestCase(PhoneNumberType.UAN, "UAN")]
    [TestCase(PhoneNumberType.VOICEMAIL, "voicemail")]
    [TestCase(PhoneNumberType.PERSONAL_NUMBER, "personal")]
    [TestCase(PhoneNumberType.PAGER, "pager")]
    public void Check_Blocks_TollFraudNumberTypes(PhoneNumberType type, string why)
    {
        var refusal = Check(ExampleNumbers.OfType(type));

        Assert.That(refusal?.Kind, Is.EqualTo(RefusalKind.Blocked));
        Assert.That(refusal!.Message, Does.Contain(why));
    }

    [TestCase(979)]
    [TestCase(881)]
    [TestCase(882)]
    [TestCase(883)]
    [TestCase(800)]
    public void Check_Blocks_NonGeographicRanges(int countryCode)
    {
        var refusal = Check(ExampleNumbers.NonGeographic(countryCode));

        Assert.That(refusal?.Kind, Is.EqualTo(RefusalKind.Blocked));
        Assert.That(refusal!.Message, Does.Contain("non-geographic"));
    }

    [TestCase("GB", PhoneNumberType.MOBILE)]
    [TestCase("GB", PhoneNumberType.FIXED_LINE)]
    [TestCase("GB", PhoneNumberType.VOIP)]
    [TestCase("US", PhoneNumberType.FIXED_LINE_OR_MOBILE)]
    [TestCase("DE", PhoneNumberType.MOBILE)]
    public void Check_Allows_OrdinaryAndVoipNumbers(string region, PhoneNumberType type) =>
        Assert.That(Check(ExampleNumbers.For(region, type)), Is.Null);

    [Test]
    public void Check_AllowsAListedType_AndNonGeographic_WhenConfigured()
    {
        PhoneNumber.TryParse(ExampleNumbers.NonGeographic(882), out var network);
        var options = new GuardOptions { AllowedNumberTypes = ["PREMIUM_RATE", "NON_GEOGRAPHIC", network!.Type.ToString()] };

        Assert.That(Check(ExampleNumbers.OfType(PhoneNumberType.PREMIUM_RATE), options), Is.Null);
        Assert.That(Check(network.E164, options), Is.Null);
        Assert.That(Check(ExampleNumbers.For("GB", PhoneNumberType.FIXED_LINE), options)?.Message, Does.Contain("fixed line"));
    }

    [Test]
    public void Check_BlocksCountriesOutsideAllowedCountries()
    {
        var options = new GuardOptions { AllowedCountries = ["GB", "de"] };

        Assert.That(Check(ExampleNumbers.For("DE", PhoneNumberType.MOBILE), options), Is.Null);
        Assert.That(Check(ExampleNumbers.For("GB", PhoneNumberType.MOBILE), options), Is.Null);
        var refusal = Check(ExampleNumbers.For("JP", PhoneNumberType.MOBILE), options);
        Assert.That(refusal?.Kind, Is.EqualTo(RefusalKind.Blocked));
        Assert.That(refusal!.Message, Does.Contain("JP"));
    }

    [Test]
    public void Check_BlocksBlockedPrefixes()
    {
        var mobile = ExampleNumbers.For("GB", PhoneNumberType.MOBILE);
        var options = new GuardOptions { BlockedPrefixes = [mobile[..5]] };

        Assert.That(Check(mobile, options)?.Kind, Is.EqualTo(RefusalKind.Blocked));
        Assert.That(Check(ExampleNumbers.For("GB", PhoneNumberType.FIXED_LINE), options), Is.Null);
    }
}
