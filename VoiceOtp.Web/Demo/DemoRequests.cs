using System.Text.Json.Serialization;

namespace VoiceOtp.Web.Demo;

public sealed record DemoPhoneRequest(string? Phone);

public sealed record DemoVerifyRequest(string? Phone, string? Code);

public sealed record DemoCallRequest([property: JsonPropertyName("call_id")] string? CallId, string? Digit);

public sealed record DemoSessionRequest([property: JsonPropertyName("session_uuid")] string? SessionUuid);
