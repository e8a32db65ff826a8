using VoiceOtp.Core.Codes;

namespace VoiceOtp.Core.Plivo;

// The Plivo XML a callee hears. Each repeat is its own <Speak> with a <Wait> between, so the pauses
// work with every voice. SSML (say-as) is honoured only by Polly voices, so the classic voices get
// the digits as separate words instead.
public static class SpeakXml
{
    public static string ForCode(OtpCode code, string brand, VoiceOtpOptions o)
    {
        var intro = o.SpeakTemplate.Replace("{brand}", brand, StringComparison.Ordinal);
        var digits = code.Reveal();
        var polly = SpeakVoice.IsPolly(o.Voice);
        var xml = new PlivoXmlWriter();
        xml.StartElement("Response");
        xml.EmptyElement("Wait", ("length", "1"));
        for (var i = 0; i < o.SpeakRepeats; i++)
        {
            if (i > 0)
                xml.EmptyElement("Wait", ("length", "1"));
            xml.StartElement("Speak", ("voice", o.Voice), ("language", o.Language));
            xml.Text((i == 0 ? intro : "Again, your code is") + " ");
            if (polly)
            {
                xml.EmptyElement("break", ("time", "300ms"));
                xml.StartElement("say-as", ("interpret-as", "spell-out"));
                xml.Text(digits);
                xml.EndElement();
                xml.Text(".");
            }
            else
            {
                xml.Text(string.Join(", ", digits.ToCharArray()) + ".");
            }
            xml.EndElement();
        }
        xml.EndElement();
        return xml.ToString();
    }

    // Said when the session behind a call is already verified, locked or expired.
    public static string NoLongerValid(VoiceOtpOptions o)
    {
        var xml = new PlivoXmlWriter();
        xml.StartElement("Response");
        xml.StartElement("Speak", ("voice", o.Voice), ("language", o.Language));
        xml.Text("This verification code is no longer valid. Goodbye.");
        xml.EndElement();
        xml.EmptyElement("Hangup");
        xml.EndElement();
        return xml.ToString();
    }
}
