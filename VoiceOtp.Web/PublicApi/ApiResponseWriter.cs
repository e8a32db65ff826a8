using System.Globalization;
using Newtonsoft.Json;
using VoiceOtp.Web.Hosting;

namespace VoiceOtp.Web.PublicApi;

// The one writer of a public JSON answer outside MVC (the auth handler, status-code pages, the
// exception handler, the verify endpoint), with the same serializer settings as the controllers'
// answers. One serializer for all: JsonConvert would build a new one from the settings each time.
public static class ApiResponseWriter
{
    public const string ContentType = "application/json; charset=utf-8";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(PublicApiRegistration.JsonSettings);

    public static Task WriteAsync(HttpResponse response, int status, ApiResponse body, CancellationToken cancellationToken = default)
    {
        response.StatusCode = status;
        response.ContentType = ContentType;
        var text = new StringWriter(new System.Text.StringBuilder(256), CultureInfo.InvariantCulture);
        Serializer.Serialize(text, body);
        return response.WriteAsync(text.ToString(), cancellationToken);
    }
}
