using Microsoft.AspNetCore.Mvc;

namespace VoiceOtp.Web.PublicApi;

public static class InvalidRequestResponse
{
    // Names the offending fields but never echoes their content: the body may hold a code.
    public static IActionResult Create(ActionContext context)
    {
        var fields = context.ModelState.Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => e.Key.Length == 0 ? "body" : e.Key).Distinct().ToArray();
        var where = fields.Length == 0 ? "the request" : string.Join(", ", fields);
        return OutcomeResults.Invalid($"malformed request: check {where} (a JSON object is expected)");
    }
}
