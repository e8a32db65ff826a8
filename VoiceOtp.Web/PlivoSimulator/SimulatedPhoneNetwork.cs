using System.Collections.Concurrent;
using System.Threading.Channels;

namespace VoiceOtp.Web.PlivoSimulator;

// The simulator's state: calls placed so far, and numbers told to leave their next calls unanswered.
public sealed class SimulatedPhoneNetwork
{
    private const int MaxKeptCalls = 1000;
    private readonly ConcurrentQueue<SimulatedCall> _calls = new();
    private readonly ConcurrentDictionary<string, int> _unanswered = new(StringComparer.Ordinal);
    private readonly Channel<(SimulatedCall Call, CallScript Script)> _pending =
        Channel.CreateUnbounded<(SimulatedCall, CallScript)>();

    public IReadOnlyList<SimulatedCall> Calls => _calls.ToArray();

    public ChannelReader<(SimulatedCall Call, CallScript Script)> Pending => _pending.Reader;

    public void Place(SimulatedCall call, CallScript script)
    {
        _calls.Enqueue(call);
        while (_calls.Count > MaxKeptCalls)
            _calls.TryDequeue(out _);
        _pending.Writer.TryWrite((call, script));
    }

    public void LeaveUnanswered(string e164, int calls) => _unanswered[e164] = calls;

    // Consumes one unanswered call for the number, if any were asked for.
    public bool TakeUnanswered(string e164)
    {
        while (_unanswered.TryGetValue(e164, out var left) && left > 0)
            if (_unanswered.TryUpdate(e164, left - 1, left))
                return true;
        return false;
    }
}

// The callback URLs and methods from a Make-a-call request.
public sealed record CallScript(Uri AnswerUrl, string AnswerMethod, Uri? HangupUrl, string HangupMethod);
