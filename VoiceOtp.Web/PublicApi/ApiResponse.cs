using Newtonsoft.Json;

namespace VoiceOtp.Web.PublicApi;

// The one shape of every JSON body we send: status and a human message, plus the fields that apply.
public sealed class ApiResponse(string status, string message)
{
    public string Status { get; } = status;
    public string Message { get; } = message;

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? SessionUuid { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? ExpiresAt { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public int? AttemptsRemaining { get; init; }
}
