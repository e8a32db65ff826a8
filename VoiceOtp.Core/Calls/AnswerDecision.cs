namespace VoiceOtp.Core.Calls;

public enum AnswerStep
{
    // The session is no longer pending, the call is over or unknown, or it was already answered.
    Gone,
    Machine,
    // Ask for the call's digit (again, after a wrong key).
    AskKey,
    // Too many wrong keys.
    Refused,
    SpeakCode,
    // Nothing left to play.
    Done,
}

// What the answer, digits and heard scripts decided; Digit is the call's gate digit for AskKey,
// PlaysLeft how many more readings the call may get after a SpeakCode.
public sealed record AnswerDecision(AnswerStep Step, char Digit = '\0', int PlaysLeft = 0);
