using System.Xml.Linq;
using VoiceOtp.Core;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Tests.Plivo;

// The shape of every document a call can hear, parsed back as Plivo would.
public sealed class CallXmlTests
{
    private const string DigitsUrl = "https://otp.example.com/plivo/digits/tok?a=1&b=2";
    private const string HeardUrl = "https://otp.example.com/plivo/heard/tok";
    private static readonly VoiceOtpOptions Options = new() { KeypressTimeoutSeconds = 6 };

    private static OtpCode Code()
    {
        OtpCode.TryParse("482913", out var code);
        return code;
    }

    [Test]
    public void Gate_AsksForTheDigitInsideAOneKeyGetDigits_ThenSaysGoodbyeAndHangsUp()
    {
        var root = XDocument.Parse(GateXml.Ask('7', "Acme & <Sons>", DigitsUrl, Options, afterWrongKey: false)).Root!;

        var elements = root.Elements().ToList();
        var getDigits = elements[0];
        Assert.That(root.Name.LocalName, Is.EqualTo("Response"));
        Assert.That(elements.Select(e => e.Name.LocalName), Is.EqualTo(new[] { "GetDigits", "Speak", "Hangup" }));
        Assert.That((string?)getDigits.Attribute("action"), Is.EqualTo(DigitsUrl));
        Assert.That((string?)getDigits.Attribute("method"), Is.EqualTo("POST"));
        Assert.That((string?)getDigits.Attribute("numDigits"), Is.EqualTo("1"));
        Assert.That((string?)getDigits.Attribute("timeout"), Is.EqualTo("6"));
        Assert.That((string?)getDigits.Attribute("retries"), Is.EqualTo("1"));
        Assert.That((string?)getDigits.Attribute("redirect"), Is.EqualTo("true"));
        Assert.That(getDigits.Attribute("validDigits"), Is.Null, "every key reaches the action, so wrong keys are counted");
        Assert.That(getDigits.Elements("Speak").Single().Value, Is.EqualTo("Press 7 to hear your Acme & <Sons> verification code."));
        Assert.That(elements[1].Value, Is.EqualTo(GoodbyeXml.NoKeypressText));
    }

    [Test]
    public void Gate_SaysTheKeyWasWrong_WhenAskingAgain()
    {
        var root = XDocument.Parse(GateXml.Ask('0', "Acme", DigitsUrl, Options, afterWrongKey: true)).Root!;

        Assert.That(root.Element("GetDigits")!.Value, Does.StartWith("That was not the right key. Press 0"));
    }

    [Test]
    public void Code_EndsWithTheReplayMenuAndThenARedirectToHeard_WhenReplaysAreLeft()
    {
        var root = XDocument.Parse(SpeakXml.ForCode(Code(), "Acme", Options, HeardUrl, DigitsUrl)).Root!;

        var elements = root.Elements().ToList();
        var menu = elements[^2];
        var redirect = elements[^1];
        Assert.That(root.Descendants("say-as").Select(e => e.Value), Has.Exactly(3).EqualTo("482913"));
        Assert.That(menu.Name.LocalName, Is.EqualTo("GetDigits"));
        Assert.That((string?)menu.Attribute("action"), Is.EqualTo(DigitsUrl));
        Assert.That((string?)menu.Attribute("validDigits"), Is.EqualTo("1"));
        Assert.That((string?)menu.Attribute("numDigits"), Is.EqualTo("1"));
        Assert.That(menu.Value, Is.EqualTo("Press 1 to hear the code again."));
        Assert.That(menu.Descendants("say-as"), Is.Empty, "the code is spoken before the menu, not inside it");
        Assert.That(redirect.Name.LocalName, Is.EqualTo("Redirect"));
        Assert.That((string?)redirect.Attribute("method"), Is.EqualTo("POST"));
        Assert.That(redirect.Value, Is.EqualTo(HeardUrl));
        Assert.That(root.Elements("Speak").Last().ElementsAfterSelf().Select(e => e.Name.LocalName),
            Is.EqualTo(new[] { "GetDigits", "Redirect" }), "heard is reached only after the last reading");
    }

    [Test]
    public void Code_HasNoReplayMenu_OnTheLastAllowedReading()
    {
        var root = XDocument.Parse(SpeakXml.ForCode(Code(), "Acme", Options, HeardUrl, replayUrl: null)).Root!;

        Assert.That(root.Elements("GetDigits"), Is.Empty);
        Assert.That(root.Elements().Last().Name.LocalName, Is.EqualTo("Redirect"));
    }

    [Test]
    public void Machine_IsABareHangup_WithNoDigitAtAll()
    {
        var xml = GoodbyeXml.Hangup();

        Assert.That(xml, Is.EqualTo("<Response><Hangup/></Response>"));
        Assert.That(xml.Any(char.IsAsciiDigit), Is.False);
    }

    [Test]
    public void Goodbye_SpeaksThenHangsUp_WithoutACode()
    {
        var root = XDocument.Parse(GoodbyeXml.Say("Thank you. Goodbye.", Options)).Root!;

        Assert.That(root.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "Speak", "Hangup" }));
        Assert.That((string?)root.Element("Speak")!.Attribute("voice"), Is.EqualTo("Polly.Joanna"));
        Assert.That(root.Value, Is.EqualTo("Thank you. Goodbye."));
        Assert.That(XDocument.Parse(GoodbyeXml.NoLongerValid(Options)).Root!.Value, Does.Contain("no longer valid"));
    }
}
