namespace VoiceOtp.Core.Calls;

// What happened on a call once it was picked up, as its record holds it. Heard is set only when
// the request that follows the last reading of the code arrived.
public sealed record CallAnswerState(bool Answered, bool Machine, bool GateOffered, bool KeyPressed, int WrongKeys,
    int CodePlays, bool Heard)
{
    public static CallAnswerState None { get; } = new(false, false, false, false, 0, 0, false);
}
