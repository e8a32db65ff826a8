namespace VoiceOtp.Web.PlivoSimulator;

// How the XML of an answered call stopped playing.
public enum PlayEnd
{
    EndOfXml,
    HangupElement,
    CalleeHungUp,
    XmlError,
}
