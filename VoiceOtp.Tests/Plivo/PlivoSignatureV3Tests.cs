using System.Text.Json;
using VoiceOtp.Core.Plivo;
using static VoiceOtp.Tests.Plivo.PlivoVectors;

namespace VoiceOtp.Tests.Plivo;

public sealed class PlivoSignatureV3Tests
{
    private const string Token = "MzE1ZGNhYTg4YjEzMWRkYzEwZTY4ODgyYTM0ZmVh";

    private static IEnumerable<TestCaseData> Vectors() => Cases("v3");

    // For the negative vectors the signature was made over signed_params, while the validator was
    // shown params_presented_to_validator (see the file's field_guide).
    private static List<KeyValuePair<string, string>> SignedParams(JsonElement v) =>
        Pairs(FieldOr(v, "signed_params", "params"));

    private static List<KeyValuePair<string, string>> PresentedParams(JsonElement v) =>
        Pairs(FieldOr(v, "params_presented_to_validator", "params"));

    [TestCaseSource(nameof(Vectors))]
    public void BuildStringToSign_EqualsSdkString_ForVector(JsonElement v)
    {
        var actual = PlivoSignatureV3.BuildStringToSign(
            Text(v, "method"), new Uri(Text(v, "url")), SignedParams(v), Text(v, "nonce"));

        Assert.That(actual, Is.EqualTo(Text(v, "string_to_sign")));
    }

    [TestCaseSource(nameof(Vectors))]
    public void Compute_EqualsSdkSignature_ForVector(JsonElement v)
    {
        var actual = PlivoSignatureV3.Compute(
            Text(v, "method"), new Uri(Text(v, "url")), SignedParams(v), Text(v, "nonce"), Text(v, "auth_token"));

        Assert.That(actual, Is.EqualTo(Text(v, "expected_signature")));
    }

    [TestCaseSource(nameof(Vectors))]
    public void IsValid_AgreesWithSdkVerdict_ForVector(JsonElement v)
    {
        var valid = PlivoSignatureV3.IsValid(
            Text(v, "method"), new Uri(Text(v, "url")), PresentedParams(v), Text(v, "nonce"),
            Text(v, "signature_header"), Text(v, "auth_token"));

        Assert.That(valid, Is.EqualTo(v.GetProperty("sdk_validates").GetBoolean()));
    }

    [Test]
    public void IsValid_ReturnsFalse_WhenSignatureForOtherTrailingSlashIsPresented()
    {
        var withoutSlash = Find("v3", "v3-06a-trailing-slash-absent");
        var withSlash = Find("v3", "v3-06b-trailing-slash-present");

        var valid = PlivoSignatureV3.IsValid("POST", new Uri(Text(withSlash, "url")), SignedParams(withSlash),
            Text(withSlash, "nonce"), Text(withoutSlash, "expected_signature"), Text(withSlash, "auth_token"));

        Assert.That(valid, Is.False);
    }

    [TestCase("https://OTP.Example.com:443/plivo/answer/", "https://OTP.Example.com:443/plivo/answer/.1")]
    [TestCase("http://otp.example.com:80/a", "http://otp.example.com:80/a.1")]
    [TestCase("https://otp.example.com", "https://otp.example.com.1")]
    [TestCase("HTTPS://otp.example.com/a", "https://otp.example.com/a.1")]
    [TestCase("https://user:secret@otp.example.com/a#ct=1", "https://otp.example.com/a.1")]
    [TestCase(" https://otp.example.com/a ", "https://otp.example.com/a.1")]
    public void BuildStringToSign_KeepsUrlAsWritten_WhenUriWouldNormaliseIt(string url, string expected)
    {
        var actual = PlivoSignatureV3.BuildStringToSign("GET", new Uri(url), [], "1");

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void BuildStringToSign_SortsRepeatedQueryValues_WhenKeyRepeats()
    {
        var actual = PlivoSignatureV3.BuildStringToSign(
            "GET", new Uri("https://h/p?b=2&a=z&a=Y&&flag"), [new("a", "x")], "1");

        Assert.That(actual, Is.EqualTo("https://h/p?a=Y&a=x&a=z&b=2&flag=.1"));
    }

    [Test]
    public void BuildStringToSign_DecodesAfterSplitting_WhenValueHoldsEscapedSeparators()
    {
        var actual = PlivoSignatureV3.BuildStringToSign(
            "POST", new Uri("https://h/p?n=%2B1+2%26x%3Dy&k%C3%A9y+2=v"), [new("k", "v")], "1");

        Assert.That(actual, Is.EqualTo("https://h/p?kéy 2=v&n=+1 2&x=y.kv.1"));
    }

    [Test]
    public void BuildStringToSign_Throws_WhenUrlIsNotHttp()
    {
        Assert.That(() => PlivoSignatureV3.BuildStringToSign("GET", new Uri("ftp://h/p"), [], "1"),
            Throws.ArgumentException);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("short")]
    [TestCase(",")]
    public void IsValid_ReturnsFalse_WhenHeaderIsMissingOrMalformed(string? header)
    {
        var valid = PlivoSignatureV3.IsValid("POST", new Uri("https://h/p"), [new("a", "b")], "1", header, Token);

        Assert.That(valid, Is.False);
    }

    [Test]
    public void IsValid_ReturnsFalse_WhenNonceIsEmpty()
    {
        var signature = PlivoSignatureV3.Compute("POST", new Uri("https://h/p"), [new("a", "b")], "", Token);

        var valid = PlivoSignatureV3.IsValid("POST", new Uri("https://h/p"), [new("a", "b")], "", signature, Token);

        Assert.That(valid, Is.False);
    }

    [Test]
    public void IsValid_ReturnsTrue_WhenMatchingSignatureIsFirstOfSeveral()
    {
        var url = new Uri("https://h/p?x=1");
        var signature = PlivoSignatureV3.Compute("POST", url, [new("a", "b")], "7", Token);

        var valid = PlivoSignatureV3.IsValid("POST", url, [new("a", "b")], "7", signature + ",other", Token);

        Assert.That(valid, Is.True);
    }
}
