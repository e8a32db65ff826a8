namespace VoiceOtp.Web.PlivoSimulator;

// The handset of an interactive simulated call (numbers ending in 09, or every number with
// Plivo:SimulatorInteractive=true): a person answers, presses keys and hangs up through this API
// or its JSON routes under /simulator/phone. A call nobody answers rings out after the
// Make-a-call request's ring_timeout; a GetDigits nobody answers times out as on a real line.
public sealed class SimulatedPhone(SimulatedPhoneNetwork network)
{
    // Oldest first; number in E.164, with or without the '+'.
    public IReadOnlyList<PhoneCallView> CallsTo(string number)
    {
        var e164 = "+" + number.Trim().TrimStart('+');
        return [.. network.Calls.Where(c => c.To == e164).Select(PhoneCallView.Of)];
    }

    public PhoneCallView? Find(string callId) => network.Find(callId) is { } call ? PhoneCallView.Of(call) : null;

    public PhoneResult Answer(string callId)
    {
        var result = Ringing(callId, RingResult.Answered);
        // Shown at once, so the answer's own reply already reads in-progress.
        if (result == PhoneResult.Done)
            network.Find(callId)!.Status = "in-progress";
        return result;
    }

    // Let it ring until the caller gives up: a no-answer.
    public PhoneResult RingOut(string callId) => Ringing(callId, RingResult.NoAnswer);

    // A ringing call is declined (Plivo reports busy); a call in progress ends.
    public PhoneResult HangUp(string callId)
    {
        var call = network.Find(callId);
        if (call is null)
            return PhoneResult.UnknownCall;
        if (!call.Interactive)
            return PhoneResult.NotInteractive;
        if (call.Pickup.TrySetResult(RingResult.Busy))
            return PhoneResult.Done;
        if (call.Ended || call.HungUp.IsCancellationRequested)
            return PhoneResult.WrongState;
        call.HungUp.Cancel();
        return PhoneResult.Done;
    }

    // Only while the call waits in a GetDigits; keys pressed at other times are lost, as on a line.
    public PhoneResult Press(string callId, char digit)
    {
        var call = network.Find(callId);
        if (call is null)
            return PhoneResult.UnknownCall;
        if (!call.Interactive)
            return PhoneResult.NotInteractive;
        if (!IsKey(digit))
            return PhoneResult.InvalidKey;
        if (!call.AwaitingKey || call.HungUp.IsCancellationRequested)
            return PhoneResult.WrongState;
        call.KeyPad.Writer.TryWrite(digit);
        return PhoneResult.Done;
    }

    public static bool IsKey(char c) => c is (>= '0' and <= '9') or '*' or '#';

    private PhoneResult Ringing(string callId, RingResult result)
    {
        var call = network.Find(callId);
        if (call is null)
            return PhoneResult.UnknownCall;
        if (!call.Interactive)
            return PhoneResult.NotInteractive;
        return call.Pickup.TrySetResult(result) ? PhoneResult.Done : PhoneResult.WrongState;
    }
}

public enum PhoneResult
{
    Done,
    UnknownCall,
    NotInteractive,
    // Not ringing (answer, ring out), not waiting for a key (press), or already ended (hang up).
    WrongState,
    InvalidKey,
}
