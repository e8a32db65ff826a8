using System.Text.Json.Serialization;

namespace VoiceOtp.Web.PublicApi;

// otp is bound as a string so that leading zeros survive. Bound by Newtonsoft (snake_case); the
// JsonPropertyName attributes give the OpenAPI document the same names.
[Newtonsoft.Json.JsonConverter(typeof(NoDuplicateKeysConverter))]
public sealed class VerifyOtpRequest
{
    [JsonPropertyName("destination_number")]
    public string? DestinationNumber { get; set; }

    [JsonPropertyName("session_uuid")]
    public string? SessionUuid { get; set; }

    [JsonPropertyName("otp")]
    public string? Otp { get; set; }

    // The product's own user, for rate limits of their own (see RequestOrigin).
    [JsonPropertyName("client_ip")]
    public string? ClientIp { get; set; }

    [JsonPropertyName("rate_limit_key")]
    public string? RateLimitKey { get; set; }

    public override string ToString() => nameof(VerifyOtpRequest);
}
