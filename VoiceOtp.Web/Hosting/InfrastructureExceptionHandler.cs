using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;
using VoiceOtp.Web.PublicApi;

namespace VoiceOtp.Web.Hosting;

// Only named infrastructure failures get a specific answer; anything else is a bug and gets a plain
// 500 whose body reveals nothing.
public sealed partial class InfrastructureExceptionHandler(ILogger<InfrastructureExceptionHandler> logger) : IExceptionHandler
{
    // Redis error replies that mean "not now" rather than "bad request": full (OOM), starting up
    // (LOADING), a replica or a cut-off primary (READONLY, MASTERDOWN, NOREPLICAS), a failed
    // snapshot (MISCONF), a long script (BUSY), a wrong password (NOAUTH, WRONGPASS), a cluster in
    // motion (TRYAGAIN, CLUSTERDOWN).
    private static readonly string[] UnavailableReplies =
        ["OOM", "LOADING", "READONLY", "MASTERDOWN", "NOREPLICAS", "MISCONF", "BUSY", "NOAUTH", "WRONGPASS", "TRYAGAIN", "CLUSTERDOWN"];

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var storage = StorageFailure(exception);
        var (status, body) = exception switch
        {
            _ when storage is not null => (503, new ApiResponse("unavailable", "storage is unavailable; try again shortly")),
            BadHttpRequestException bad => (bad.StatusCode, new ApiResponse("invalid", "malformed request")),
            // Json.NET reads the body through a strict UTF-8 decoder and lets this escape model binding.
            DecoderFallbackException => (400, new ApiResponse("invalid", "malformed request: the body is not valid UTF-8")),
            AntiforgeryValidationException => (400, new ApiResponse("invalid", "malformed request: antiforgery check failed")),
            _ => (500, new ApiResponse("error", "internal error")),
        };
        // The route pattern, not the path: webhook paths carry a call token.
        var route = (context.Features.Get<IExceptionHandlerFeature>()?.Endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no endpoint)";
        if (storage is not null)
            Log.StorageUnavailable(logger, route, storage);
        else if (status >= 500)
            Log.Failed(logger, exception.GetType().Name, route);
        if (status == 503)
            context.Response.Headers.RetryAfter = "1";
        await ApiResponseWriter.WriteAsync(context.Response, status, body, cancellationToken);
        return true;
    }

    // The kind of Redis failure anywhere in the inner chain (Hangfire wraps its storage errors), named by
    // the exception type or the reply's first word only.
    private static string? StorageFailure(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RedisConnectionException or RedisTimeoutException:
                    return e.GetType().Name;
                case RedisServerException s when UnavailableReplies.FirstOrDefault(r => s.Message.StartsWith(r + " ", StringComparison.Ordinal)) is { } reply:
                    return reply;
            }
        }
        return null;
    }
}
