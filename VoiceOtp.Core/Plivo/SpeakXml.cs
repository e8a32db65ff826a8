using VoiceOtp.Core.Codes;

namespace VoiceOtp.Core.Plivo;

// The code as a callee hears it. Each repeat is its own <Speak> with a <Wait> between, so the pauses
// work with every voice. SSML (say-as) is honoured only by Polly voices, so the classic voices get
// the digits as separate words instead. After the code come the replay menu (when readings are left)
// and a <Redirect> to heardUrl: Plivo reaches that element only once the last reading was spoken.
public static class SpeakXml
{
    public static string ForCode(OtpCode code, string brand, VoiceOtpOptions o, string heardUrl, string? replayUrl)
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
        if (replayUrl is not null)
            ReplayXml.WriteMenu(xml, replayUrl, o);
        xml.StartElement("Redirect", ("method", "POST"));
        xml.Text(heardUrl);
        xml.EndElement();
        xml.EndElement();
        return xml.ToString();
    }

    public static void Say(PlivoXmlWriter xml, string text, VoiceOtpOptions o)
    {
        xml.StartElement("Speak", ("voice", o.Voice), ("language", o.Language));
        xml.Text(text);
        xml.EndElement();
    }
}
