using Microsoft.AspNetCore.Mvc;

namespace VoiceOtp.Web.PublicApi;

public static class InvalidRequestResponse
{
    // Names the offending fields but never echoes their content: the body may hold a code.
    public static IActionResult Create(ActionContext context)
    {
        var fields = context.ModelState.Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => FieldName(e.Key)).Distinct().ToArray();
        var where = fields.Length == 0 ? "the request" : string.Join(", ", fields);
        return OutcomeResults.Invalid($"malformed request: check {where} (a JSON object is expected)");
    }

    // An unparsable body is reported both under "" and under the action's parameter name.
    private static string FieldName(string key) =>
        key.Length == 0 || key == "request" ? "the body" : key.TrimStart('$', '.');
}
