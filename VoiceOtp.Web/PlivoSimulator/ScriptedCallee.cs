using System.Text.RegularExpressions;

namespace VoiceOtp.Web.PlivoSimulator;

// A callee that follows its script at once, without waiting out Plivo's timeouts: it listens to
// each prompt and presses what a person with that script would.
public sealed partial class ScriptedCallee(CalleeScript script, int nthCallToNumber, TimeSpan answerDelay) : ICallee
{
    private bool _wrongKeyPressed;
    private int _replays;

    public bool IsMachine => script.Machine;

    public async Task<RingResult> RingAsync(SimulatedCall call, TimeSpan ringTimeout, CancellationToken ct)
    {
        if (script.Busy)
            return RingResult.Busy;
        if (!script.Answers || (script.AnswersFromSecondCall && nthCallToNumber < 2))
            return RingResult.NoAnswer;
        if (script.AnswersLate)
        {
            if (answerDelay >= ringTimeout)
                return RingResult.NoAnswer;
            await Task.Delay(answerDelay, ct);
        }
        return RingResult.Answered;
    }

    public Task<char?> KeyAsync(SimulatedCall call, string prompt, TimeSpan timeout, CancellationToken ct)
    {
        char? key = null;
        if (ReplayPrompt().IsMatch(prompt))
        {
            if (_replays < script.Replays)
            {
                _replays++;
                key = '1';
            }
        }
        else if (GatePrompt().Match(prompt) is { Success: true } gate && script.PressesKey)
        {
            var right = gate.Groups[1].Value[0];
            key = script.WrongKeyFirst && !_wrongKeyPressed ? (char)('0' + (right - '0' + 1) % 10) : right;
            _wrongKeyPressed = true;
        }
        return Task.FromResult(key);
    }

    [GeneratedRegex(@"Press (\d) to hear your")]
    private static partial Regex GatePrompt();

    [GeneratedRegex("hear the code again")]
    private static partial Regex ReplayPrompt();
}
