using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VoiceOtp.Core.Events;

// One event as it is POSTed. Its id is derived from what happened (session, event, call number),
// so a repeated cause yields the same id and the outbox keeps it once; receivers can de-duplicate
// retried deliveries by event_id. The body holds the masked number only, never the code.
public sealed record SessionEvent(string Id, string CallbackUrl, string Body)
{
    public const string CallEnded = "call.ended";
    public const string SessionVerified = "session.verified";
    public const string SessionLocked = "session.locked";
    public const string SessionExpired = "session.expired";
    public const string SessionFailed = "session.failed";

    public static SessionEvent Create(string type, string sessionId, int? callNumber, string callbackUrl,
        DateTimeOffset occurredAt, string maskedNumber, JsonObject? details = null)
    {
        var id = callNumber is { } n
            ? $"{sessionId}.{type}.{n.ToString(CultureInfo.InvariantCulture)}"
            : $"{sessionId}.{type}";
        var body = new JsonObject
        {
            ["event"] = type,
            ["event_id"] = id,
            ["session_uuid"] = sessionId,
            ["occurred_at"] = occurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["destination_number_masked"] = maskedNumber,
        };
        foreach (var (key, value) in details ?? [])
            body[key] = value?.DeepClone();
        return new SessionEvent(id, callbackUrl, body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    public override string ToString() => Id;
}
