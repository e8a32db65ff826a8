using System.Text.Json.Serialization;

namespace VoiceOtp.Core.Plivo;

public sealed class MakeCallResponse
{
    [JsonPropertyName("api_id")] public string? ApiId { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("request_uuid")] public string? RequestUuid { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
}
