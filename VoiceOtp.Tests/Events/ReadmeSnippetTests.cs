using System.Text.RegularExpressions;
using VoiceOtp.Core.Events;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Events;

public sealed partial class ReadmeSnippetTests
{
    [Test]
    public void ReadmeSnippet_MatchesThisFile()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "VoiceOtp.Tests", "Events", "ReadmeSignatureCheck.cs"));
        var inSource = Between(source, "// README-SNIPPET-START", "// README-SNIPPET-END");
        var inReadme = Between(readme, "<!-- signature-snippet -->", "<!-- /signature-snippet -->");

        Assert.That(Squash(inReadme), Does.Contain(Squash(inSource)), "README shows the exact check the tests use");
    }

    [Test]
    public void ReadmeCheck_RefusesAnOldTimestamp_AndATamperedBody()
    {
        var secret = TestSettings.CallbackSecret;
        var old = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        const string body = """{"event":"session.verified"}""";

        Assert.That(ReadmeSignatureCheck.IsGenuine(secret, $"{now}", CallbackSignature.Compute(secret, now, body), body, DateTimeOffset.UtcNow), Is.True);
        Assert.That(ReadmeSignatureCheck.IsGenuine(secret, $"{old}", CallbackSignature.Compute(secret, old, body), body, DateTimeOffset.UtcNow), Is.False);
        Assert.That(ReadmeSignatureCheck.IsGenuine(secret, $"{now}", CallbackSignature.Compute(secret, now, body), body + " ", DateTimeOffset.UtcNow), Is.False);
        Assert.That(ReadmeSignatureCheck.IsGenuine(secret, $"{now}", CallbackSignature.Compute("other-secret", now, body), body, DateTimeOffset.UtcNow), Is.False);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, from + 1, StringComparison.Ordinal);
        Assert.That(from, Is.GreaterThanOrEqualTo(0), $"marker {start} is missing");
        Assert.That(to, Is.GreaterThan(from), $"marker {end} is missing");
        return text[(from + start.Length)..to];
    }

    private static string Squash(string code) => Spaces().Replace(code, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
