namespace VoiceOtp.Web.PlivoSimulator;

// What the callee at a number does, chosen by the last two digits of the number (README table).
// Every other number answers, presses the key it is asked for, listens once and hangs up.
public sealed record CalleeScript(string Name, bool Answers = true, bool Busy = false, bool Machine = false,
    bool PressesKey = true, bool WrongKeyFirst = false, int Replays = 0, bool AnswersFromSecondCall = false,
    bool AnswersLate = false)
{
    public const string InteractiveName = "interactive";

    public static CalleeScript For(string e164, bool interactiveByDefault) => e164[^2..] switch
    {
        "01" => new("never-answers", Answers: false),
        "02" => new("busy", Busy: true),
        "03" => new("machine", Machine: true, PressesKey: false),
        "04" => new("no-key", PressesKey: false),
        "05" => new("wrong-key-first", WrongKeyFirst: true),
        "06" => new("answers-second-call", AnswersFromSecondCall: true),
        "07" => new("answers-late", AnswersLate: true),
        "08" => new("replays-once", Replays: 1),
        "09" => new(InteractiveName),
        _ when interactiveByDefault => new(InteractiveName),
        _ => new("listens"),
    };
}
