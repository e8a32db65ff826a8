using VoiceOtp.Core.Phones;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Phones;

public sealed class PhoneMaskTests
{
    [TestCase("+14155550123", "+1********23")]
    [TestCase("+442079460123", "+44********23")]
    [TestCase("+33612345678", "+33*******78")]
    [TestCase("+5511987654321", "+55*********21")]
    [TestCase("+35312345678", "+353******78")]
    [TestCase("+8613812345678", "+86*********78")]
    public void Masked_KeepsCountryCodeAndLastTwoDigits_ForAValidNumber(string e164, string expected)
    {
        Assert.That(PhoneNumber.TryParse(e164, out var phone), Is.True);

        Assert.That(phone!.Masked, Is.EqualTo(expected));
        Assert.That(phone.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Masked_HidesEveryDigitButTheCountryCodeAndTail_ForEveryTestNumber()
    {
        var number = TestPhones.Next();
        PhoneNumber.TryParse(number, out var phone);

        Assert.That(phone!.Masked, Has.Length.EqualTo(number.Length));
        Assert.That(phone.Masked, Does.Not.Contain(number[3..^2]));
        Assert.That(phone.Masked.Count(char.IsAsciiDigit), Is.EqualTo(4));
    }

    [TestCase("+999123")]
    [TestCase("+1")]
    public void Of_MasksEverything_WhenNoCountryCodeOrTooFewDigits(string text)
    {
        Assert.That(PhoneMask.Of(text), Is.EqualTo(new string('*', text.Length)));
    }
}
