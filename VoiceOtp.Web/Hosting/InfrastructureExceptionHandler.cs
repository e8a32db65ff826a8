using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Newtonsoft.Json;
using StackExchange.Redis;
using VoiceOtp.Web.PublicApi;

namespace VoiceOtp.Web.Hosting;

// Only named infrastructure failures get a specific answer; anything else is a bug and gets a plain
// 500 whose body reveals nothing.
public sealed partial class InfrastructureExceptionHandler(ILogger<InfrastructureExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, body) = exception switch
        {
            RedisConnectionException or RedisTimeoutException =>
                (503, new ApiResponse("unavailable", "storage is unavailable; try again shortly")),
            BadHttpRequestException bad => (bad.StatusCode, new ApiResponse("invalid", "malformed request")),
            // Json.NET reads the body through a strict UTF-8 decoder and lets this escape model binding.
            DecoderFallbackException => (400, new ApiResponse("invalid", "malformed request: the body is not valid UTF-8")),
            AntiforgeryValidationException => (400, new ApiResponse("invalid", "malformed request: antiforgery check failed")),
            _ => (500, new ApiResponse("error", "internal error")),
        };
        if (status >= 500)
            // The route pattern, not the path: webhook paths carry a call token.
            Log.Failed(logger, exception.GetType().Name,
                (context.Features.Get<IExceptionHandlerFeature>()?.Endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no endpoint)");
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonConvert.SerializeObject(body, PublicApiRegistration.JsonSettings), cancellationToken);
        return true;
    }
}
