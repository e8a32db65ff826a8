using VoiceOtp.Core.Guards;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Web.PublicApi;

// The only place where Core outcomes become status codes and bodies.
public static class ApiAnswers
{
    public static ApiAnswer For(DispatchOutcome o) => o.Status switch
    {
        DispatchStatus.Opened or DispatchStatus.Joined => new(200, new ApiResponse("success", "verification initiated")
        {
            SessionUuid = o.SessionId,
            ExpiresAt = o.ExpiresAt,
        }),
        DispatchStatus.Refused => For(o.Refusal!),
        DispatchStatus.CallLimitReached => new(429, new ApiResponse("too_many_calls",
            "this verification already used all the calls it may place; verify the code or wait until it expires")
        {
            SessionUuid = o.SessionId,
            ExpiresAt = o.ExpiresAt,
        }),
        // Both waits answer 429 rate_limited with Retry-After (and retry_after in the body): the
        // number's wrong-code limit, and a resend within the (doubling) resend cooldown.
        DispatchStatus.RateLimited => RateLimited(new ApiResponse("rate_limited",
            "too many wrong codes were tried for this number recently; no call is placed until Retry-After has passed")
        {
            RetryAfter = RetryAfterSeconds(o.RetryAfter),
        }),
        DispatchStatus.ResendTooSoon => RateLimited(new ApiResponse("rate_limited",
            "a call for this verification was placed moments ago; another may be asked for after retry_after seconds")
        {
            SessionUuid = o.SessionId,
            ExpiresAt = o.ExpiresAt,
            RetryAfter = RetryAfterSeconds(o.RetryAfter),
        }),
        DispatchStatus.TooLateToCall => new(429, new ApiResponse("expiring",
            "this verification expires too soon for another call; dispatch again once it has expired")
        {
            SessionUuid = o.SessionId,
            ExpiresAt = o.ExpiresAt,
        }),
        _ => new(429, new ApiResponse("locked",
            "too many wrong codes were tried for this number; a new verification can start once this one expires")
        {
            ExpiresAt = o.ExpiresAt,
        }),
    };

    public static ApiAnswer For(VerifyOutcome o) => o.Status switch
    {
        VerifyStatus.Verified => new(200, new ApiResponse("success", "verification successful") { SessionUuid = o.SessionId }),
        VerifyStatus.Rejected => new(422, new ApiResponse("rejected", "the code does not match")
        {
            AttemptsRemaining = o.AttemptsRemaining,
        }),
        VerifyStatus.Refused => For(o.Refusal!),
        VerifyStatus.Locked => new(429, new ApiResponse("locked",
            "too many wrong codes were tried; this verification can no longer succeed")),
        VerifyStatus.RateLimited => RateLimited(new ApiResponse("rate_limited",
            "too many wrong codes were tried for this number recently; try again after Retry-After")
        {
            RetryAfter = RetryAfterSeconds(o.RetryAfter),
        }),
        _ => NotFound,
    };

    public static ApiAnswer For(Refusal r) => r.Kind == RefusalKind.RateLimited
        ? new(429, new ApiResponse("rate_limited", r.Message), r.RetryAfterSeconds)
        : new(403, new ApiResponse("blocked", r.Message));

    public static ApiAnswer InvalidNumber { get; } =
        Invalid("destination_number must be a valid phone number in international format, such as +14155550123");

    public static ApiAnswer Invalid(string message) => new(400, new ApiResponse("invalid", message));

    private static readonly ApiAnswer NotFound =
        new(404, new ApiResponse("not_found", "no pending verification (it never existed, expired or was already used)"));

    // Rounded up, so that a client that waits that long is let in.
    private static int RetryAfterSeconds(TimeSpan? wait) => Math.Max(1, (int)Math.Ceiling((wait ?? TimeSpan.Zero).TotalSeconds));

    private static ApiAnswer RateLimited(ApiResponse body) => new(429, body, body.RetryAfter);
}
