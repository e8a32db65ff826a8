namespace VoiceOtp.Web.PlivoSimulator;

public enum RingResult
{
    Answered,
    NoAnswer,
    Busy,
}
