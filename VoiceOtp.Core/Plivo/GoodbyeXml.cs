namespace VoiceOtp.Core.Plivo;

// Endings of a call; none of them holds a digit of the code.
public static class GoodbyeXml
{
    public const string NoKeypressText = "We did not receive a key press. Goodbye.";

    // For a machine: hang up before a word is said.
    public static string Hangup()
    {
        var xml = new PlivoXmlWriter();
        xml.StartElement("Response");
        xml.EmptyElement("Hangup");
        xml.EndElement();
        return xml.ToString();
    }

    public static string Say(string text, VoiceOtpOptions o)
    {
        var xml = new PlivoXmlWriter();
        xml.StartElement("Response");
        SpeakXml.Say(xml, text, o);
        xml.EmptyElement("Hangup");
        xml.EndElement();
        return xml.ToString();
    }

    // Said when the session behind a call is already verified, locked or expired, or the call was
    // already answered.
    public static string NoLongerValid(VoiceOtpOptions o) => Say("This verification code is no longer valid. Goodbye.", o);
}
