using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace VoiceOtp.Web.PublicApi;

// Json.NET silently keeps the last of two equal keys. A request body with a repeated key is refused
// instead: a proxy or a log in front of us may read the first one, and the two would disagree.
// Keys are compared ignoring case, because Json.NET also fills a member from a key that differs
// only in case. The body is read in one pass, member by member, as it arrives.
public sealed class NoDuplicateKeysConverter : JsonConverter
{
    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => objectType.IsClass;

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
            return null;
        // No token text in the messages below: it is request content.
        if (reader.TokenType != JsonToken.StartObject)
            throw new JsonSerializationException("a JSON object is expected");
        var contract = (JsonObjectContract)serializer.ContractResolver.ResolveContract(objectType);
        var target = existingValue ?? contract.DefaultCreator!();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (Next(reader) != JsonToken.EndObject)
        {
            var name = (string)reader.Value!;
            if (!seen.Add(name))
                throw new JsonSerializationException("a key appears more than once");
            var member = contract.Properties.GetClosestMatchProperty(name);
            if (member is null || member.Ignored || !member.Writable)
                throw new JsonSerializationException("a key the request does not have");
            Next(reader);
            member.ValueProvider!.SetValue(target, serializer.Deserialize(reader, member.PropertyType));
        }
        return target;
    }

    private static JsonToken Next(JsonReader reader)
    {
        do
        {
            if (!reader.Read())
                throw new JsonSerializationException("the body ends inside the object");
        }
        while (reader.TokenType == JsonToken.Comment);
        return reader.TokenType;
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException();
}
