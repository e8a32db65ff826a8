using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Web.Demo;

// What the sign-up page tells a person: the one place where outcomes become the demo's wording.
public static class DemoMessages
{
    public static IResult InvalidNumber() => DemoResults.Json(400, new
    {
        status = "invalid_number",
        message = "That does not look like a phone number. Enter it in international format: + and the country code, e.g. +44 20 7946 0123.",
    });

    public static IResult Wait(int seconds) => DemoResults.Json(429, new
    {
        status = "wait",
        message = $"We just called you. You can ask for another call in {seconds} seconds.",
        resend_after_seconds = seconds,
    });

    public static IResult ForDispatch(DispatchOutcome o, PhoneNumber phone, int codeLength, int resendAfter) => o.Status switch
    {
        DispatchStatus.Opened or DispatchStatus.Joined => DemoResults.Json(200, new
        {
            status = "calling",
            message = $"We are calling {phone.E164}. Answer, and listen for your {codeLength}-digit code.",
            phone = phone.E164,
            session_uuid = o.SessionId,
            expires_at = o.ExpiresAt,
            resend_after_seconds = resendAfter,
            same_code = o.Status == DispatchStatus.Joined,
        }),
        DispatchStatus.CallLimitReached => DemoResults.Json(429, new
        {
            status = "too_many_calls",
            message = $"We have called this number as often as we may for this code. Enter the code you heard, or start again after {Clock(o.ExpiresAt)}.",
            expires_at = o.ExpiresAt,
        }),
        DispatchStatus.Locked => DemoResults.Json(429, new
        {
            status = "locked",
            message = $"Too many wrong codes were entered for this number. You can start again after {Clock(o.ExpiresAt)}.",
            expires_at = o.ExpiresAt,
        }),
        _ => DemoResults.Json(429, new
        {
            status = "refused",
            message = "We cannot call this number right now. Please try again later.",
        }),
    };

    public static IResult ForVerify(VerifyOutcome o) => o.Status switch
    {
        VerifyStatus.Verified => DemoResults.Json(200, new { status = "verified", message = "Your phone number is verified." }),
        VerifyStatus.Rejected => DemoResults.Json(422, new
        {
            status = "rejected",
            message = o.AttemptsRemaining == 1
                ? "That code is not right. 1 attempt left."
                : $"That code is not right. {o.AttemptsRemaining} attempts left.",
            attempts_remaining = o.AttemptsRemaining,
        }),
        VerifyStatus.Locked => DemoResults.Json(429, new
        {
            status = "locked",
            message = "This code can no longer be used because too many wrong codes were entered. You can start again once it has expired.",
        }),
        _ => DemoResults.Json(404, new
        {
            status = "expired",
            message = "This code has expired or was already used. Ask for a new call.",
        }),
    };

    public static string SessionStatus(SessionState session, CallState call) => session switch
    {
        SessionState.Verified => "Your phone number is verified.",
        SessionState.Locked => "Too many wrong codes were entered.",
        SessionState.Expired => "This code has expired. Ask for a new call.",
        SessionState.Failed => "We could not reach your phone. Check the number, or ask for a new call.",
        _ => call switch
        {
            CallState.Queued => "Placing the call…",
            CallState.Ringing or CallState.Uncertain => "Your phone is ringing.",
            CallState.Answered => "Call answered: listen for your code, then enter it below.",
            CallState.Heard => "The call has ended. Enter the code you heard.",
            CallState.NoAnswer or CallState.Busy or CallState.Machine or CallState.NoKeypress =>
                "You did not answer. We will call you again shortly.",
            _ => "The call did not go through. Ask for a new call.",
        },
    };

    // The phone panel's short label for a call.
    public static string PhoneLabel(string status, bool awaitingKey = false) => status switch
    {
        "queued" => "Calling…",
        "ringing" => "Ringing",
        "in-progress" when awaitingKey => "On the line, waiting for a key",
        "in-progress" => "On the line",
        "completed" => "Call ended",
        "no-answer" => "Rang out, not answered",
        "busy" => "Busy",
        _ => "Call failed",
    };

    // In UTC: the page has no way to know the person's time zone without asking the browser.
    private static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
