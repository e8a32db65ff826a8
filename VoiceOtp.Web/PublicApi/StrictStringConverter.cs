using Newtonsoft.Json;

namespace VoiceOtp.Web.PublicApi;

// Json.NET would read 14155550000 or true into a string field as its text; the public API takes
// strings only as JSON strings, so a wrong type is a 400 naming the field rather than a call.
public sealed class StrictStringConverter : JsonConverter<string?>
{
    public override bool CanWrite => false;

    public override string? ReadJson(JsonReader reader, Type objectType, string? existingValue, bool hasExistingValue,
        JsonSerializer serializer) => reader.TokenType switch
        {
            JsonToken.String => (string?)reader.Value,
            JsonToken.Null => null,
            // No token text in the message: it is request content.
            _ => throw new JsonSerializationException("a JSON string is expected"),
        };

    public override void WriteJson(JsonWriter writer, string? value, JsonSerializer serializer) =>
        throw new NotSupportedException();
}
