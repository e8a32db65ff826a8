using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json;
using VoiceOtp.Web.Hosting;

namespace VoiceOtp.Web.PublicApi;

// A request body read outside MVC with the controllers' rules: the media types and settings of
// their Newtonsoft input formatter, and the same 400 (InvalidRequestResponse's message) or 415.
public static class JsonBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Exactly one of the three. A 415 is left to the status-code page, as MVC leaves it.
    public readonly record struct Result<T>(T? Value, ApiAnswer? Refusal, bool UnsupportedMediaType = false);

    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (!IsJson(request.ContentType))
            return new(null, null, UnsupportedMediaType: true);
        // Kestrel's MaxRequestBodySize ends an oversized body with its 413 while this reads.
        var reader = request.BodyReader;
        ReadResult read;
        while (!(read = await reader.ReadAsync(request.HttpContext.RequestAborted)).IsCompleted)
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        string text;
        try
        {
            text = StrictUtf8.GetString(read.Buffer);
        }
        catch (DecoderFallbackException)
        {
            return Invalid<T>("malformed request: the body is not valid UTF-8");
        }
        finally
        {
            reader.AdvanceTo(read.Buffer.End);
        }
        using var json = new JsonTextReader(new StringReader(text.TrimStart('\uFEFF')));
        try
        {
            return PublicApiRegistration.Serializer.Deserialize<T>(json) is { } value
                ? new(value, null)
                : Invalid<T>(InvalidRequestResponse.Message(["the body"]));
        }
        catch (JsonException)
        {
            // The reader stops on the offending key or value.
            return Invalid<T>(InvalidRequestResponse.Message(
                [InvalidRequestResponse.FieldName(json.Path, InvalidRequestResponse.FieldsOf(typeof(T)))]));
        }
    }

    private static Result<T> Invalid<T>(string message) where T : class => new(null, ApiAnswers.Invalid(message));

    // application/json, text/json and application/*+json, in UTF-8: what the controllers' formatter reads.
    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
            return false;
        var charset = media.Charset;
        if (charset.HasValue && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            return false;
        return media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || (media.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
                && media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
    }
}
