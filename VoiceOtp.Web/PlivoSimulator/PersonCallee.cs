namespace VoiceOtp.Web.PlivoSimulator;

// A person on the simulated phone: the call rings until SimulatedPhone answers, declines or lets
// it ring out, or Plivo's ring timeout passes; keys come from SimulatedPhone.Press within
// GetDigits' own timeout, as on a real line.
public sealed class PersonCallee : ICallee
{
    public bool IsMachine => false;

    public async Task<RingResult> RingAsync(SimulatedCall call, TimeSpan ringTimeout, CancellationToken ct)
    {
        try
        {
            return await call.Pickup.Task.WaitAsync(ringTimeout, ct);
        }
        catch (TimeoutException)
        {
            call.Pickup.TrySetResult(RingResult.NoAnswer);
            return await call.Pickup.Task;
        }
    }

    public async Task<char?> KeyAsync(SimulatedCall call, string prompt, TimeSpan timeout, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        call.AwaitingKey = true;
        try
        {
            return await call.KeyPad.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            call.AwaitingKey = false;
        }
    }
}
