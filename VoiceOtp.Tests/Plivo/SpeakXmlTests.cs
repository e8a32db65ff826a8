using System.Xml.Linq;
using VoiceOtp.Core;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Tests.Plivo;

public sealed class SpeakXmlTests
{
    private const string HeardUrl = "https://otp.example.com/plivo/heard/token";
    private const string HostileBrand = "Evil\" voice='MAN'></Speak><Hangup/><Speak>&amp; <!--";

    [Test]
    public void ForCode_KeepsAHostileBrandAsText_AndSpeaksTheCodeInSayAs()
    {
        OtpCode.TryParse("012345", out var code);

        var xml = XDocument.Parse(SpeakXml.ForCode(code, HostileBrand, new VoiceOtpOptions(), HeardUrl, null));

        var speaks = xml.Root!.Elements("Speak").ToList();
        Assert.That(xml.Root.Name.LocalName, Is.EqualTo("Response"));
        Assert.That(xml.Descendants("Hangup"), Is.Empty, "the brand must not inject elements");
        Assert.That(speaks, Has.Count.EqualTo(3));
        Assert.That(speaks[0].Value, Does.StartWith($"Your {HostileBrand} verification code is"));
        Assert.That(speaks.Select(s => (string?)s.Attribute("voice")), Has.All.EqualTo("Polly.Joanna"));
        Assert.That(xml.Descendants("say-as").Select(e => e.Value).ToList(), Has.Count.EqualTo(3).And.All.EqualTo("012345"));
        Assert.That(xml.Root.Elements("Wait").Count(), Is.EqualTo(3), "a pause before the first and between repeats");
    }

    [Test]
    public void ForCode_SpeaksPlainDigits_ForAClassicVoice_ThatIgnoresSsml()
    {
        OtpCode.TryParse("9070", out var code);

        var xml = XDocument.Parse(SpeakXml.ForCode(code, "Acme", new VoiceOtpOptions { Voice = "WOMAN", SpeakRepeats = 2 }, HeardUrl, null));

        Assert.That(xml.Descendants("say-as"), Is.Empty);
        Assert.That(xml.Root!.Elements("Speak").Select(s => s.Value).ToList(),
            Has.Count.EqualTo(2).And.All.Contains("9, 0, 7, 0."));
    }
}
