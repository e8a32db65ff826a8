using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VoiceOtp.Core.Plivo;
using static VoiceOtp.Tests.Plivo.PlivoVectors;

namespace VoiceOtp.Tests.Plivo;

public sealed class PlivoSignatureV2Tests
{
    private static IEnumerable<TestCaseData> Vectors() => Cases("v2");

    // V2 has no public string-to-sign, so the vector's string is checked through its HMAC.
    private static string Hmac(string message, string token) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(message)));

    // v2-04 was signed with another token than the one the validator holds (see the field_guide).
    private static string SigningToken(JsonElement v) => FieldOr(v, "signed_with_auth_token", "auth_token").GetString()!;

    [TestCaseSource(nameof(Vectors))]
    public void Compute_EqualsSdkSignature_ForVector(JsonElement v)
    {
        var actual = PlivoSignatureV2.Compute(new Uri(Text(v, "url")), Text(v, "nonce"), SigningToken(v));

        Assert.That(actual, Is.EqualTo(Text(v, "expected_signature")));
    }

    [TestCaseSource(nameof(Vectors))]
    public void Compute_SignsSdkString_ForVector(JsonElement v)
    {
        var actual = PlivoSignatureV2.Compute(new Uri(Text(v, "url")), Text(v, "nonce"), SigningToken(v));

        Assert.That(actual, Is.EqualTo(Hmac(Text(v, "string_to_sign"), SigningToken(v))));
    }

    [TestCaseSource(nameof(Vectors))]
    public void IsValid_AgreesWithSdkVerdict_ForVector(JsonElement v)
    {
        var valid = PlivoSignatureV2.IsValid(
            new Uri(Text(v, "url")), Text(v, "nonce"), Text(v, "expected_signature"), Text(v, "auth_token"));

        Assert.That(valid, Is.EqualTo(v.GetProperty("sdk_validates").GetBoolean()));
    }

    [Test]
    public void Compute_KeepsHostCaseAndDefaultPort_WhenWrittenExplicitly()
    {
        var written = PlivoSignatureV2.Compute(new Uri("https://OTP.example.com:443/a"), "1", "t");
        var normalised = PlivoSignatureV2.Compute(new Uri("https://otp.example.com/a"), "1", "t");

        Assert.That(written, Is.EqualTo(Hmac("https://OTP.example.com:443/a1", "t")));
        Assert.That(written, Is.Not.EqualTo(normalised));
    }

    [TestCase(null)]
    [TestCase("")]
    public void IsValid_ReturnsFalse_WhenHeaderIsMissing(string? header)
    {
        Assert.That(PlivoSignatureV2.IsValid(new Uri("https://h/p"), "1", header, "t"), Is.False);
    }

    [Test]
    public void IsValid_ReturnsFalse_WhenNonceIsEmpty()
    {
        var signature = PlivoSignatureV2.Compute(new Uri("https://h/p"), "", "t");

        Assert.That(PlivoSignatureV2.IsValid(new Uri("https://h/p"), "", signature, "t"), Is.False);
    }
}
