using System.Text.Json;

namespace VoiceOtp.Tests.Plivo;

// The vectors in plivo-vectors.json were computed by Plivo's own SDKs (the file says which), so our
// signature and XML code is checked against Plivo's, not against itself. The file is copied next to
// the test assembly; a missing file throws, which fails the tests that need it instead of silently
// running none. JsonElement rather than JsonNode because it is immutable and safe to read from tests
// running in parallel.
internal static class PlivoVectors
{
    private const string RelativePath = "Plivo/plivo-vectors.json";

    private static readonly Lazy<JsonElement> Root = new(Load);

    public static IEnumerable<JsonElement> Section(string name) => Root.Value.GetProperty(name).EnumerateArray();

    public static IEnumerable<TestCaseData> Cases(string section) =>
        Section(section).Select(v => new TestCaseData(v).SetArgDisplayNames(Text(v, "id")));

    public static JsonElement Find(string section, string id)
    {
        foreach (var vector in Section(section))
        {
            if (Text(vector, "id") == id)
                return vector;
        }
        throw new InvalidOperationException($"Vector {id} is not in {RelativePath}.");
    }

    public static string Text(JsonElement vector, string field) => vector.GetProperty(field).GetString()!;

    public static JsonElement FieldOr(JsonElement vector, string field, string fallback) =>
        vector.TryGetProperty(field, out var value) ? value : vector.GetProperty(fallback);

    // A flat list of pairs, because a JSON array value means the form key was sent once per element.
    public static List<KeyValuePair<string, string>> Pairs(JsonElement fields) =>
    [
        .. fields.EnumerateObject().SelectMany(field => field.Value.ValueKind == JsonValueKind.Array
            ? field.Value.EnumerateArray().Select(v => new KeyValuePair<string, string>(field.Name, v.GetString()!))
            : [new KeyValuePair<string, string>(field.Name, field.Value.GetString()!)]),
    ];

    private static JsonElement Load() =>
        JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, RelativePath)));
}
