using System.Globalization;
using VoiceOtp.Web.Hosting;

namespace VoiceOtp.Web.PublicApi;

// The one writer of a public JSON answer outside MVC (the auth handler, status-code pages, the
// exception handler, the verify endpoint), with the same serializer settings as the controllers'
// answers.
public static class ApiResponseWriter
{
    public const string ContentType = "application/json; charset=utf-8";

    public static Task WriteAsync(HttpResponse response, int status, ApiResponse body, CancellationToken cancellationToken = default)
    {
        response.StatusCode = status;
        response.ContentType = ContentType;
        var text = new StringWriter(new System.Text.StringBuilder(256), CultureInfo.InvariantCulture);
        PublicApiRegistration.Serializer.Serialize(text, body);
        return response.WriteAsync(text.ToString(), cancellationToken);
    }
}
