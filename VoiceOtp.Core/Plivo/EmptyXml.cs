namespace VoiceOtp.Core.Plivo;

// The answer to the callbacks whose body Plivo ignores (ring, hangup): an empty Plivo XML document.
public static class EmptyXml
{
    public static string Response()
    {
        var xml = new PlivoXmlWriter();
        xml.StartElement("Response");
        xml.EndElement();
        return xml.ToString();
    }
}
