using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace VoiceOtp.Web.PublicApi;

// Json.NET silently keeps the last of two equal keys. A request body with a repeated key is refused
// instead: a proxy or a log in front of us may read the first one, and the two would disagree.
public sealed class NoDuplicateKeysConverter : JsonConverter
{
    private static readonly JsonLoadSettings Strict = new() { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error };

    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => objectType.IsClass;

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
            return null;
        var body = JObject.Load(reader, Strict);
        var target = existingValue ?? Activator.CreateInstance(objectType)!;
        using var members = body.CreateReader();
        serializer.Populate(members, target);
        return target;
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException();
}
