using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Newtonsoft.Json.Serialization;

namespace VoiceOtp.Web.PublicApi;

public static class InvalidRequestResponse
{
    private static readonly SnakeCaseNamingStrategy Names = new();

    // Names the offending fields but never echoes request content: not the values (the body may
    // hold a code), and not unknown key names either, which are the caller's text too.
    public static IActionResult Create(ActionContext context)
    {
        var known = BodyFields(context);
        var fields = context.ModelState.Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => FieldName(e.Key, known)).Distinct().ToArray();
        return OutcomeResults.Invalid(Message(fields));
    }

    public static string Message(IReadOnlyCollection<string> fields) =>
        $"malformed request: check {(fields.Count == 0 ? "the request" : string.Join(", ", fields))} "
        + "(a JSON object is expected, each key once, string fields as JSON strings)";

    // An unparsable body is reported both under "" and under the action's parameter name. Any
    // other key (an unknown field's) is the caller's text.
    public static string FieldName(string key, HashSet<string> known)
    {
        var name = key.TrimStart('$', '.');
        return known.Contains(name) ? name : "the body";
    }

    // The wire names of a request type's fields.
    public static HashSet<string> FieldsOf(Type request) =>
        request.GetProperties().Select(p => Names.GetPropertyName(p.Name, false)).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> BodyFields(ActionContext context)
    {
        var body = context.ActionDescriptor.Parameters.FirstOrDefault(p => p.BindingInfo?.BindingSource == BindingSource.Body);
        return body is null ? [] : FieldsOf(body.ParameterType);
    }
}
