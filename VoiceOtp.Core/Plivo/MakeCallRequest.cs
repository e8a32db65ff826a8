using System.Text.Json.Serialization;

namespace VoiceOtp.Core.Plivo;

// The body of Plivo's Make-a-call request. No callback_url: it would make the API asynchronous
// and drop the request_uuid we correlate on.
public sealed class MakeCallRequest
{
    [JsonPropertyName("from")] public required string From { get; init; }
    [JsonPropertyName("to")] public required string To { get; init; }
    [JsonPropertyName("answer_url")] public required string AnswerUrl { get; init; }
    [JsonPropertyName("answer_method")] public string AnswerMethod { get; init; } = "POST";
    [JsonPropertyName("hangup_url")] public required string HangupUrl { get; init; }
    [JsonPropertyName("hangup_method")] public string HangupMethod { get; init; } = "POST";
    // Plivo posts ring_url when the callee's phone starts ringing; it carries the CallUUID we need to
    // hang up a ringing call, and proves that a request whose answer we never got was placed.
    [JsonPropertyName("ring_url")] public string? RingUrl { get; init; }
    [JsonPropertyName("ring_method")] public string RingMethod { get; init; } = "POST";
    [JsonPropertyName("ring_timeout")] public int RingTimeout { get; init; }
    [JsonPropertyName("time_limit")] public int TimeLimit { get; init; }

    // Synchronous detection: with no machine_detection_url, Plivo waits for its verdict and sends it
    // to answer_url as Machine=true/false, so the answer XML can decide before a word is spoken.
    [JsonPropertyName("machine_detection")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MachineDetection { get; init; }

    [JsonPropertyName("machine_detection_time")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MachineDetectionTime { get; init; }

    public override string ToString() => nameof(MakeCallRequest);
}
