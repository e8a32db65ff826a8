namespace VoiceOtp.Web.PlivoSimulator;

// Whoever is at the far end of a simulated call: a scripted callee chosen by the number, or a
// person on the simulated phone.
public interface ICallee
{
    bool IsMachine { get; }

    Task<RingResult> RingAsync(SimulatedCall call, TimeSpan ringTimeout, CancellationToken ct);

    // The key pressed for a GetDigits whose prompt was just heard, or null for none within the timeout.
    Task<char?> KeyAsync(SimulatedCall call, string prompt, TimeSpan timeout, CancellationToken ct);
}
