using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using VoiceOtp.Core;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Web.PlivoWebhooks;

// Lets a webhook run only when X-Plivo-Signature-V3 is valid for our auth token and for the URL as
// Plivo called it: our public base URL plus the path and query, not the address this process sees
// behind a proxy. A refused request gets 403 with an empty body: Plivo reads nothing from it, and
// whoever forged it learns nothing. A signed request is accepted once (a replay gets the same 403),
// and a token we cannot have issued is a 404 before anything is looked up.
public sealed partial class PlivoSignatureFilter(
    IOptions<PlivoOptions> plivo,
    IOptions<VoiceOtpOptions> voiceOtp,
    WebhookReplayGuard replays,
    ILogger<PlivoSignatureFilter> logger) : IAsyncActionFilter
{
    // ModelStateInvalidFilter runs at -2000.
    public const int Order = -3000;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var url = new Uri(voiceOtp.Value.PublicBaseUrl.TrimEnd('/') + request.Path.ToUriComponent() + request.QueryString.ToUriComponent());
        var fields = await ReadFieldsAsync(request);
        var signature = request.Headers["X-Plivo-Signature-V3"].ToString();
        var valid = fields is not null && PlivoSignatureV3.IsValid(request.Method, url, fields,
            request.Headers["X-Plivo-Signature-V3-Nonce"].ToString(), signature, plivo.Value.AuthToken);
        if (!valid)
        {
            Log.Refused(logger, request.Method, PathWithoutToken(request.Path));
            context.Result = EmptyForbidden(context.HttpContext);
            return;
        }
        if (!CallToken.IsWellFormed(context.RouteData.Values["token"] as string))
        {
            context.Result = new NotFoundResult();
            return;
        }
        if (!await replays.TryAcceptAsync(signature))
        {
            Log.Replayed(logger, request.Method, PathWithoutToken(request.Path));
            context.Result = EmptyForbidden(context.HttpContext);
            return;
        }
        var executed = await next();
        if (executed.Exception is not null && !executed.ExceptionHandled)
            replays.Forget(signature);
    }

    // Null when the form cannot be read (too large, too many fields, cut off): no signature can be
    // checked over it, so it is refused like a bad one.
    private static async Task<List<KeyValuePair<string, string>>?> ReadFieldsAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
            return [];
        try
        {
            var form = await request.ReadFormAsync();
            return form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return null;
        }
    }

    // The status-code page would otherwise fill the empty body with the public API's JSON.
    private static StatusCodeResult EmptyForbidden(HttpContext http)
    {
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;
        return new StatusCodeResult(StatusCodes.Status403Forbidden);
    }

    // The call token is the last path segment; it stays out of the log.
    private static string PathWithoutToken(PathString path)
    {
        var value = path.Value ?? "";
        var slash = value.LastIndexOf('/');
        return slash > 0 ? value[..slash] + "/…" : value;
    }
}
