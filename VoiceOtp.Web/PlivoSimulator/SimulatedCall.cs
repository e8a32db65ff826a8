using System.Threading.Channels;

namespace VoiceOtp.Web.PlivoSimulator;

// One call as the simulated phone network saw it: what the callee's ear heard, the keys pressed,
// how it ended. Written by the call's runner, read by the inspection and phone endpoints.
public sealed class SimulatedCall
{
    private readonly Lock _gate = new();
    private readonly List<string> _heard = [];
    private readonly List<string> _keys = [];

    public required string RequestUuid { get; init; }
    public required string CallUuid { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required CalleeScript Script { get; init; }
    public bool Interactive => Script.Name == CalleeScript.InteractiveName;

    // Plivo's CallStatus: queued, ringing, in-progress, then completed, no-answer, busy or failed.
    public string Status { get; set; } = "queued";
    public string? AnsweredBy { get; set; }
    public bool AwaitingKey { get; set; }
    public int? AnswerHttpStatus { get; set; }
    public int? HangupHttpStatus { get; set; }
    public string? HangupCause { get; set; }

    public bool Ended => Status is "completed" or "no-answer" or "busy" or "failed" or "cancel";

    public string? Heard
    {
        get
        {
            lock (_gate)
                return _heard.Count == 0 ? null : string.Join(" ", _heard);
        }
    }

    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_gate)
                return [.. _keys];
        }
    }

    public void Hear(string text)
    {
        if (text.Length == 0)
            return;
        lock (_gate)
            _heard.Add(text);
    }

    public void Press(char key)
    {
        lock (_gate)
            _keys.Add(key.ToString());
    }

    // The person's side of an interactive call, driven through SimulatedPhone.
    internal TaskCompletionSource<RingResult> Pickup { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    internal Channel<char> KeyPad { get; } = Channel.CreateUnbounded<char>();
    internal CancellationTokenSource HungUp { get; } = new();

    // Plivo's API stopped the call (DELETE …/Call/{call_uuid}/ or …/Request/{request_uuid}/).
    internal CancellationTokenSource Stopped { get; } = new();
}
