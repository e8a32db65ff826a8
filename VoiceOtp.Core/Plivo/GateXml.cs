namespace VoiceOtp.Core.Plivo;

// The keypress gate: nothing secret is said until the callee presses the call's digit, which a
// voicemail box never does. No key within the timeout falls through to the goodbye.
public static class GateXml
{
    public static string Ask(char digit, string brand, string digitsUrl, VoiceOtpOptions o, bool afterWrongKey)
    {
        var xml = new PlivoXmlWriter();
        xml.StartElement("Response");
        GetDigitsElement.Start(xml, digitsUrl, o.KeypressTimeoutSeconds);
        SpeakXml.Say(xml, (afterWrongKey ? "That was not the right key. " : "")
            + $"Press {digit} to hear your {brand} verification code.", o);
        xml.EndElement();
        SpeakXml.Say(xml, GoodbyeXml.NoKeypressText, o);
        xml.EmptyElement("Hangup");
        xml.EndElement();
        return xml.ToString();
    }
}
