using VoiceOtp.Core.Codes;

namespace VoiceOtp.Tests.Codes;

public sealed class OtpCodeGeneratorTests
{
    [TestCase(4)]
    [TestCase(6)]
    [TestCase(8)]
    public void Generate_ReturnsOnlyDigitsOfTheRequestedLength(int length)
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => OtpCodeGenerator.Generate(length).Reveal()).ToList();

        Assert.That(codes, Has.All.Length.EqualTo(length));
        Assert.That(codes, Has.All.Matches<string>(c => c.All(char.IsAsciiDigit)));
    }

    [Test]
    public void Generate_KeepsLeadingZeros()
    {
        // One code in ten starts with 0, so 2000 codes without one would mean zeros are being dropped.
        var codes = Enumerable.Range(0, 2000).Select(_ => OtpCodeGenerator.Generate(6).Reveal()).ToList();

        Assert.That(codes, Has.Some.StartsWith("0"));
        Assert.That(codes, Has.Some.StartsWith("00"));
    }

    [Test]
    public void Generate_IsUniformOverAllValues_ByChiSquare()
    {
        // Every one of the 10^4 four-digit codes is a bucket; with 20 draws expected per bucket the
        // chi-square statistic must stay under the 99.9th percentile of its distribution (df 9999).
        const int buckets = 10_000, draws = 200_000;
        var counts = new int[buckets];
        for (var i = 0; i < draws; i++)
            counts[int.Parse(OtpCodeGenerator.Generate(4).Reveal())]++;

        Assert.That(ChiSquare(counts, draws), Is.LessThan(CriticalValue(buckets - 1)));
    }

    [Test]
    public void Generate_IsUniformInEveryDigitPosition_ByChiSquare()
    {
        const int draws = 100_000;
        var counts = new int[6, 10];
        for (var i = 0; i < draws; i++)
        {
            var code = OtpCodeGenerator.Generate(6).Reveal();
            for (var p = 0; p < 6; p++)
                counts[p, code[p] - '0']++;
        }

        for (var p = 0; p < 6; p++)
        {
            var position = Enumerable.Range(0, 10).Select(d => counts[p, d]).ToArray();
            Assert.That(ChiSquare(position, draws), Is.LessThan(CriticalValue(9)), $"digit position {p}");
        }
    }

    [TestCase(3)]
    [TestCase(9)]
    public void Generate_Throws_WhenLengthIsOutOfRange(int length) =>
        Assert.That(() => OtpCodeGenerator.Generate(length), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void ToString_IsRedacted()
    {
        var code = OtpCodeGenerator.Generate(6);

        Assert.That(code.ToString(), Does.Not.Contain(code.Reveal()));
        Assert.That($"{code}", Is.EqualTo("[redacted code]"));
    }

    private static double ChiSquare(int[] counts, int draws)
    {
        var expected = (double)draws / counts.Length;
        return counts.Sum(c => (c - expected) * (c - expected) / expected);
    }

    // Wilson–Hilferty approximation of the chi-square quantile at p = 0.999 (z = 3.090).
    private static double CriticalValue(int df)
    {
        var a = 2.0 / (9 * df);
        return df * Math.Pow(1 - a + 3.090 * Math.Sqrt(a), 3);
    }
}
