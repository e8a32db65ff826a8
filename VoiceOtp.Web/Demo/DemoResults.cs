using System.Text.Json;

namespace VoiceOtp.Web.Demo;

// The demo API's bodies use the public API's snake_case names, written out in the anonymous types.
public static class DemoResults
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = null };

    public static IResult Json(int status, object body) => Results.Json(body, Options, statusCode: status);

    public static Task Write(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(body, Options);
    }
}
