using System.Text.Json.Serialization;

namespace VoiceOtp.Web.Demo;

public sealed record DemoPhoneRequest(string? Phone);

public sealed record DemoVerifyRequest(string? Phone, string? Code);

public sealed record DemoCallRequest([property: JsonPropertyName("call_id")] string? CallId, string? Digit);
