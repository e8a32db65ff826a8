using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using VoiceOtp.Core;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Web.PublicApi;

namespace VoiceOtp.Web.PlivoWebhooks;

// Lets a webhook run only when X-Plivo-Signature-V3 is valid for our auth token and for the URL as
// Plivo called it: our public base URL plus the path and query, not the address this process sees
// behind a proxy.
public sealed partial class PlivoSignatureFilter(
    IOptions<PlivoOptions> plivo,
    IOptions<VoiceOtpOptions> voiceOtp,
    ILogger<PlivoSignatureFilter> logger) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var url = new Uri(voiceOtp.Value.PublicBaseUrl.TrimEnd('/') + request.Path.ToUriComponent() + request.QueryString.ToUriComponent());
        var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
        var fields = form is null
            ? []
            : form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        var valid = PlivoSignatureV3.IsValid(request.Method, url, fields,
            request.Headers["X-Plivo-Signature-V3-Nonce"].ToString(),
            request.Headers["X-Plivo-Signature-V3"].ToString(), plivo.Value.AuthToken);
        if (!valid)
        {
            Log.Refused(logger, request.Method, PathWithoutToken(request.Path));
            context.Result = new ObjectResult(new ApiResponse("forbidden", "missing or invalid Plivo signature"))
            {
                StatusCode = StatusCodes.Status403Forbidden,
            };
            return;
        }
        await next();
    }

    // The call token is the last path segment; it stays out of the log.
    private static string PathWithoutToken(PathString path)
    {
        var value = path.Value ?? "";
        var slash = value.LastIndexOf('/');
        return slash > 0 ? value[..slash] + "/…" : value;
    }
}
