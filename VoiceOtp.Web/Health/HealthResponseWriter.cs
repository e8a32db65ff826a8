using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VoiceOtp.Web.Health;

// {"status":"healthy","checks":{"redis":"healthy",...}}: check names and verdicts only. Exception
// messages, durations and descriptions stay out, since they can tell an attacker what runs inside.
public static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = Word(report.Status),
            checks = report.Entries.ToDictionary(e => e.Key, e => Word(e.Value.Status)),
        }));
    }

    private static string Word(HealthStatus status) => status == HealthStatus.Healthy ? "healthy" : "unhealthy";
}
