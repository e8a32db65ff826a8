using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace VoiceOtp.Web.PublicApi;

// A JSON answer with a Retry-After header (in seconds), for a resend asked for too soon.
public sealed class RetryAfterResult(ObjectResult inner, int seconds) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return inner.ExecuteResultAsync(context);
    }
}
