namespace VoiceOtp.Web.PlivoSimulator;

// One call as the simulated phone network saw it; Heard is what the callee's ear would have heard.
public sealed class SimulatedCall
{
    public required string RequestUuid { get; init; }
    public required string CallUuid { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string Status { get; set; } = "queued";
    public string? Heard { get; set; }
    public int? AnswerHttpStatus { get; set; }
    public int? HangupHttpStatus { get; set; }
    public string? HangupCause { get; set; }
}
