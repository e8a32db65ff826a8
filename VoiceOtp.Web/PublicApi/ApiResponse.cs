using System.Text.Json.Serialization;
using Newtonsoft.Json;

namespace VoiceOtp.Web.PublicApi;

// The one shape of every JSON body we send: status and a human message, plus the fields that apply.
// Written by Newtonsoft (snake_case); the JsonPropertyName attributes give the OpenAPI document the same names.
public sealed class ApiResponse(string status, string message)
{
    [JsonPropertyName("status")]
    public string Status { get; } = status;

    [JsonPropertyName("message")]
    public string Message { get; } = message;

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    [JsonPropertyName("session_uuid")]
    public string? SessionUuid { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    [JsonPropertyName("expires_at")]
    public DateTimeOffset? ExpiresAt { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    [JsonPropertyName("attempts_remaining")]
    public int? AttemptsRemaining { get; init; }

    // Seconds, as in the Retry-After header sent with it.
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    [JsonPropertyName("retry_after")]
    public int? RetryAfter { get; init; }
}
