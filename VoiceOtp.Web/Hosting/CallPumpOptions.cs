namespace VoiceOtp.Web.Hosting;

public sealed class CallPumpOptions
{
    public const string Section = "Calls";

    // Off only for tests that need a dispatch to stay queued (e.g. across a process kill).
    public bool PumpEnabled { get; set; } = true;

    // Make-a-call requests in flight per engine instance.
    public int Parallelism { get; set; } = 64;

    // The fallback when a wake-up message is missed (pub/sub is not durable).
    public int PollIntervalMs { get; set; } = 500;
}
