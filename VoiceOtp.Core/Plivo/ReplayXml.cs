namespace VoiceOtp.Core.Plivo;

// "Press 1 to hear the code again". Only 1 is a valid key, so any other key or none goes on to
// the element after the menu.
public static class ReplayXml
{
    public const char ReplayKey = '1';

    public static void WriteMenu(PlivoXmlWriter xml, string digitsUrl, VoiceOtpOptions o)
    {
        GetDigitsElement.Start(xml, digitsUrl, o.KeypressTimeoutSeconds, validDigits: ReplayKey.ToString());
        SpeakXml.Say(xml, $"Press {ReplayKey} to hear the code again.", o);
        xml.EndElement();
    }
}
