using System.Collections.Concurrent;
using System.Threading.Channels;

namespace VoiceOtp.Web.PlivoSimulator;

// The simulator's state: calls placed so far, how many calls each number got, and numbers told to
// leave their next calls unanswered.
public sealed class SimulatedPhoneNetwork
{
    private const int MaxKeptCalls = 1000;
    private readonly ConcurrentQueue<SimulatedCall> _calls = new();
    private readonly ConcurrentDictionary<string, int> _unanswered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _callsTo = new(StringComparer.Ordinal);
    private readonly Channel<PlacedCall> _pending = Channel.CreateUnbounded<PlacedCall>();

    public IReadOnlyList<SimulatedCall> Calls => _calls.ToArray();

    public ChannelReader<PlacedCall> Pending => _pending.Reader;

    public SimulatedCall? Find(string callUuid) => _calls.FirstOrDefault(c => c.CallUuid == callUuid);

    public void Place(SimulatedCall call, CallCallbacks callbacks)
    {
        var nth = _callsTo.AddOrUpdate(call.To, 1, (_, n) => n + 1);
        _calls.Enqueue(call);
        while (_calls.Count > MaxKeptCalls)
            _calls.TryDequeue(out _);
        _pending.Writer.TryWrite(new PlacedCall(call, callbacks, nth));
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

// What the Make-a-call request asked for: callback URLs and methods, ring timeout, and whether
// Plivo should tell answer_url if a machine picked up.
public sealed record CallCallbacks(Uri AnswerUrl, string AnswerMethod, Uri? HangupUrl, string HangupMethod,
    TimeSpan RingTimeout, bool MachineDetection)
{
    public Uri? RingUrl { get; init; }
    public string RingMethod { get; init; } = "POST";
}

public sealed record PlacedCall(SimulatedCall Call, CallCallbacks Callbacks, int NthCallToNumber);
