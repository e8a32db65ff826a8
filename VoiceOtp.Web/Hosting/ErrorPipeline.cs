using VoiceOtp.Web.PublicApi;

namespace VoiceOtp.Web.Hosting;

public static class ErrorPipeline
{
    // Exceptions and bare status codes (unknown route, wrong verb, wrong content type, body too
    // large) all answer with the same JSON shape as the API itself.
    public static WebApplication UsePublicApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(async ctx =>
        {
            var response = ctx.HttpContext.Response;
            var body = response.StatusCode switch
            {
                404 => new ApiResponse("not_found", "no such endpoint"),
                405 => new ApiResponse("method_not_allowed", "this endpoint does not accept that HTTP method"),
                413 => new ApiResponse("invalid", "request body too large"),
                415 => new ApiResponse("unsupported_media_type", "send the body as application/json"),
                var s and >= 400 and < 500 => new ApiResponse("invalid", $"request refused ({s})"),
                _ => new ApiResponse("error", "internal error"),
            };
            await ApiResponseWriter.WriteAsync(response, response.StatusCode, body);
        });
        return app;
    }
}
