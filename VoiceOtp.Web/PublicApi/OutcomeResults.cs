using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using VoiceOtp.Core.Guards;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Web.PublicApi;

// The only place where Core outcomes become status codes and bodies.
public static class OutcomeResults
{
    public static IActionResult ToResult(this DispatchOutcome o) => o.Status switch
    {
        DispatchStatus.Opened or DispatchStatus.Joined => Json(200, new ApiResponse("success", "verification initiated")
        {
            SessionUuid = o.SessionId,
            ExpiresAt = o.ExpiresAt,
        }),
        DispatchStatus.Refused => o.Refusal!.ToResult(),
        DispatchStatus.CallLimitReached => Json(429, new ApiResponse("too_many_calls",
            "this verification already used all the calls it may place; verify the code or wait until it expires")
        {
            SessionUuid = o.SessionId,
            ExpiresAt = o.ExpiresAt,
        }),
        // Both waits answer 429 rate_limited with Retry-After (and retry_after in the body): the
        // number's wrong-code limit, and a resend within the (doubling) resend cooldown.
        DispatchStatus.RateLimited => new RateLimitedResult(new ApiResponse("rate_limited",
            "too many wrong codes were tried for this number recently; no call is placed until Retry-After has passed")
        {
            RetryAfter = RetryAfterSeconds(o.RetryAfter),
        }, o.RetryAfter ?? TimeSpan.Zero),
        DispatchStatus.ResendTooSoon => new RateLimitedResult(new ApiResponse("rate_limited",
            "a call for this verification was placed moments ago; another may be asked for after retry_after seconds")
        {
            SessionUuid = o.SessionId,
            ExpiresAt = o.ExpiresAt,
            RetryAfter = RetryAfterSeconds(o.RetryAfter),
        }, o.RetryAfter ?? TimeSpan.Zero),
        DispatchStatus.TooLateToCall => Json(429, new ApiResponse("expiring",
            "this verification expires too soon for another call; dispatch again once it has expired")
        {
            SessionUuid = o.SessionId,
            ExpiresAt = o.ExpiresAt,
        }),
        _ => Json(429, new ApiResponse("locked",
            "too many wrong codes were tried for this number; a new verification can start once this one expires")
        {
            ExpiresAt = o.ExpiresAt,
        }),
    };

    private static int RetryAfterSeconds(TimeSpan? wait) => Math.Max(1, (int)Math.Ceiling((wait ?? TimeSpan.Zero).TotalSeconds));

    public static IActionResult ToResult(this VerifyOutcome o) => o.Status switch
    {
        VerifyStatus.Verified => Json(200, new ApiResponse("success", "verification successful") { SessionUuid = o.SessionId }),
        VerifyStatus.Rejected => Json(422, new ApiResponse("rejected", "the code does not match")
        {
            AttemptsRemaining = o.AttemptsRemaining,
        }),
        VerifyStatus.Refused => o.Refusal!.ToResult(),
        VerifyStatus.Locked => Json(429, new ApiResponse("locked",
            "too many wrong codes were tried; this verification can no longer succeed")),
        VerifyStatus.RateLimited => new RateLimitedResult(new ApiResponse("rate_limited",
            "too many wrong codes were tried for this number recently; try again after Retry-After")
        {
            RetryAfter = RetryAfterSeconds(o.RetryAfter),
        }, o.RetryAfter),
        _ => Json(404, new ApiResponse("not_found", "no pending verification (it never existed, expired or was already used)")),
    };

    public static IActionResult ToResult(this SessionStatus? s) => s is null
        ? Json(404, new ApiResponse("not_found", "no such session (it never existed, or its status is no longer kept)"))
        : new ObjectResult(new SessionStatusResponse(s)) { StatusCode = 200 };
    public static IActionResult ToResult(this Refusal r) => r.Kind == RefusalKind.RateLimited
        ? new RetryAfterResult(new ApiResponse("rate_limited", r.Message), r.RetryAfterSeconds)
        : Json(403, new ApiResponse("blocked", r.Message));

    public static IActionResult InvalidNumber() =>
        Invalid("destination_number must be a valid phone number in international format, such as +14155550123");

    public static IActionResult Invalid(string message) => Json(400, new ApiResponse("invalid", message));

    private static ObjectResult Json(int status, ApiResponse body) => new(body) { StatusCode = status };

    private sealed class RetryAfterResult(ApiResponse body, int seconds) : ObjectResult(body)
    {
        public override Task ExecuteResultAsync(ActionContext context)
        {
            StatusCode = 429;
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return base.ExecuteResultAsync(context);
        }
    }
}
