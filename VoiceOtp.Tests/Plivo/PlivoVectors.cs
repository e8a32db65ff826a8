using System.Text.Json;

namespace VoiceOtp.Tests.Plivo;

// The vectors were produced by Plivo's real Node SDK and live in shared/, beside the repository, so
// every implementation is checked against the same file. A missing file throws, which fails the tests
// that need it instead of silently running none. JsonElement rather than JsonNode because it is
// immutable and safe to read from tests running in parallel.
internal static class PlivoVectors
{
    private const string RelativePath = "shared/reference/plivo-vectors.json";

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

    private static JsonElement Load()
    {
        // In CI the repository sits next to shared/; a scratch project may hold shared/ itself.
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "..", RelativePath), Path.Combine(dir.FullName, RelativePath) })
            {
                if (File.Exists(candidate))
                    return JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(candidate));
            }
        }
        throw new FileNotFoundException(
            $"{RelativePath} was not found beside or above {TestContext.CurrentContext.TestDirectory}.");
    }
}
