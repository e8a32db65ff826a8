using VoiceOtp.Core.Phones;

namespace VoiceOtp.Tests.Infrastructure;

public sealed class TestPhonesTests
{
    [Test]
    public void Ending_GivesValidNumbersEndingInTheDigits_ForEveryRange()
    {
        var numbers = Enumerable.Range(0, 120).Select(_ => TestPhones.Ending("04")).ToList();

        Assert.That(numbers.Where(n => !PhoneNumber.TryParse(n, out _)).Select(n => n[..^3]).Distinct(), Is.Empty);
        Assert.That(numbers.Distinct().Count(), Is.EqualTo(120));
        Assert.That(numbers, Has.All.EndsWith("04"));
    }
}
