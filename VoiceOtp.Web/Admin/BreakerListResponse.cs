namespace VoiceOtp.Web.Admin;

// GET /admin/breakers: the public API's status and message, plus the open breakers. An admin answer,
// so it stays out of ApiResponse and the public API's OpenAPI schemas.
public sealed class BreakerListResponse(string message, IReadOnlyList<BreakerView> breakers)
{
    public string Status => "success";
    public string Message { get; } = message;
    public IReadOnlyList<BreakerView> Breakers { get; } = breakers;
}

public sealed record BreakerView(string Country, string? Prefix, string Reason, DateTimeOffset OpenedAt, DateTimeOffset OpenUntil);
