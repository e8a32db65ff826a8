namespace VoiceOtp.Core.Plivo;

// A class, not a record: a record's generated ToString would print the auth token.
public sealed class PlivoOptions
{
    public const string Section = "Plivo";
    public const string ApiOrigin = "https://api.plivo.com";

    public string AuthId { get; set; } = "";
    public string AuthToken { get; set; } = "";
    public string CallerId { get; set; } = "";

    // Empty means Plivo's own API, or this app's own origin when the simulator plays Plivo.
    public string BaseUrl { get; set; } = "";
    public bool Simulator { get; set; }

    // The simulator shows every spoken code to any API key holder, so outside Development it runs
    // only when this is set as well.
    public bool AllowSimulator { get; set; }
    public int TimeoutSeconds { get; set; } = 10;

    // Simulator only: every call waits for a person on the simulated phone (numbers ending in 09
    // always do), and how long numbers ending in 07 ring before they answer.
    public bool SimulatorInteractive { get; set; }
    public int SimulatorAnswerDelaySeconds { get; set; } = 10;

    // Simulator only: where our own Make-a-call endpoint is reached when VoiceOtp:PublicBaseUrl is a
    // proxy that does not pass /v1 on (Plivo:BaseUrl is ignored with the simulator, so that real
    // Plivo credentials can never be sent to it). Empty: PublicBaseUrl.
    public string SimulatorOrigin { get; set; } = "";

    public override string ToString() => nameof(PlivoOptions);
}
