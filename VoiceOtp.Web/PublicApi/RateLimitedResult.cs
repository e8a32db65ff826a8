using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace VoiceOtp.Web.PublicApi;

// 429 with Retry-After in whole seconds, rounded up so that a client that waits that long is let in.
public sealed class RateLimitedResult : ObjectResult
{
    private readonly TimeSpan _retryAfter;

    public RateLimitedResult(ApiResponse body, TimeSpan retryAfter) : base(body)
    {
        _retryAfter = retryAfter;
        StatusCode = StatusCodes.Status429TooManyRequests;
    }

    public override void OnFormatting(ActionContext context)
    {
        base.OnFormatting(context);
        context.HttpContext.Response.Headers.RetryAfter =
            Math.Max(1, (long)Math.Ceiling(_retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
