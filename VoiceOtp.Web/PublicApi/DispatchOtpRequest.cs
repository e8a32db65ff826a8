using System.Text.Json.Serialization;

namespace VoiceOtp.Web.PublicApi;

// Bound by Newtonsoft (snake_case); the JsonPropertyName attributes give the OpenAPI document the same names.
[Newtonsoft.Json.JsonConverter(typeof(NoDuplicateKeysConverter))]
public sealed class DispatchOtpRequest
{
    [JsonPropertyName("destination_number")]
    public string? DestinationNumber { get; set; }

    [JsonPropertyName("brand_name")]
    public string? BrandName { get; set; }

    [JsonPropertyName("callback_url")]
    public string? CallbackUrl { get; set; }

    // The product's own user, for rate limits of their own (see RequestOrigin).
    [JsonPropertyName("client_ip")]
    public string? ClientIp { get; set; }

    [JsonPropertyName("rate_limit_key")]
    public string? RateLimitKey { get; set; }
}
