using PhoneNumbers;
using VoiceOtp.Core.Phones;
using Number = VoiceOtp.Core.Phones.PhoneNumber;

namespace VoiceOtp.Tests.Phones;

public sealed class PhoneNumberTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // TryParse looks the region up once instead of calling IsValidNumber, which looks it up again:
    // the two must agree on every region's example numbers of every type, valid or not.
    [Test]
    public void TryParse_AgreesWithLibphonenumbersValidation_ForEveryRegionsExampleNumbers()
    {
        var checkedNumbers = 0;
        foreach (var region in Util.GetSupportedRegions())
        {
            foreach (var type in Enum.GetValues<PhoneNumberType>())
            {
                var example = Util.GetExampleNumberForType(region, type);
                if (example is null)
                    continue;
                foreach (var e164 in Variants(Util.Format(example, PhoneNumberFormat.E164)))
                {
                    var expected = Util.IsValidNumber(Util.Parse(e164, null));
                    Assert.That(Number.TryParse(e164, out var phone), Is.EqualTo(expected), $"{region} {type}");
                    if (expected)
                        Assert.That(phone!.RegionCode, Is.EqualTo(Util.GetRegionCodeForNumber(Util.Parse(e164, null))));
                    checkedNumbers++;
                }
            }
        }
        Assert.That(checkedNumbers, Is.GreaterThan(1000));
    }

    [TestCase("+80012345678", "001")]
    [TestCase("+14155550123", "US")]
    [TestCase("+16135550123", "CA")]
    [TestCase("+442079460123", "GB")]
    public void TryParse_GivesTheRegion_ForAValidNumber(string e164, string region)
    {
        Assert.That(Number.TryParse(e164, out var phone), Is.True);

        Assert.That(phone!.RegionCode, Is.EqualTo(region));
    }

    // The example itself, one digit short, and one digit long: valid and invalid numbers both.
    private static IEnumerable<string> Variants(string e164) => [e164, e164[..^1], e164 + "5"];
}
