using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VoiceOtp.Core;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Web.Demo;

// The sign-up page's server side: the same use cases the public API calls, in-process, so that the
// browser never holds an API key. Numbers travel in JSON bodies, never in URLs.
public static class DemoFlowEndpoints
{
    public static IResult Config(IOptions<DemoOptions> demo, IOptions<VoiceOtpOptions> otp, IOptions<PlivoOptions> plivo,
        [FromServices] DemoPhone? phone) =>
        DemoResults.Json(200, new
        {
            status = "success",
            code_length = otp.Value.CodeLength,
            max_attempts = otp.Value.MaxVerifyAttempts,
            resend_after_seconds = demo.Value.ResendAfterSeconds,
            // Without interactive calls only numbers ending in 09 wait for the panel's buttons.
            phone_panel = phone is null ? null : new { interactive = plivo.Value.SimulatorInteractive, ring_out_next = true },
        });

    public static async Task<IResult> StartAsync(DemoPhoneRequest request, OtpDispatcher dispatcher,
        DemoResendThrottle throttle, IOptions<DemoOptions> demo, IOptions<VoiceOtpOptions> otp)
    {
        if (!PhoneNumber.TryParse(request.Phone, out var phone))
            return DemoMessages.InvalidNumber();
        var wait = throttle.SecondsToWait(phone!);
        if (wait > 0)
            return DemoMessages.Wait(wait);
        // The demo page has no API key; its dispatches share one key's budget and every other guard.
        var outcome = await dispatcher.DispatchAsync(phone!, null, new VoiceOtp.Core.Guards.RequestOrigin("demo-page"));
        if (outcome.Status is DispatchStatus.Opened or DispatchStatus.Joined)
            throttle.Called(phone!);
        return DemoMessages.ForDispatch(outcome, phone!, otp.Value.CodeLength, demo.Value.ResendAfterSeconds);
    }

    public static async Task<IResult> VerifyAsync(DemoVerifyRequest request, OtpVerifier verifier, IOptions<VoiceOtpOptions> otp)
    {
        if (!PhoneNumber.TryParse(request.Phone, out var phone))
            return DemoMessages.InvalidNumber();
        var length = otp.Value.CodeLength;
        if (!OtpCode.TryParse(request.Code?.Trim(), out var code) || code.Length != length)
            return DemoResults.Json(400, new { status = "invalid_code", message = $"Enter the {length} digits you heard." });
        return DemoMessages.ForVerify(await verifier.VerifyByNumberAsync(phone!, code));
    }

    // The call's live status from the engine's own session status (the same record GET /sessions/{id}
    // shows), so it works with real Plivo as well as with the simulator.
    public static async Task<IResult> StatusAsync(DemoSessionRequest request, SessionStatusStore sessions,
        IOptions<VoiceOtpOptions> otp, TimeProvider clock)
    {
        if (!SessionId.IsWellFormed(request.SessionUuid))
            return DemoResults.Json(400, new { status = "invalid", message = "session_uuid must be a UUID" });
        var s = await sessions.ReadAsync(request.SessionUuid!.ToLowerInvariant(), clock.GetUtcNow(), otp.Value.MaxCallsPerSession);
        if (s is null)
            return DemoResults.Json(404, new { status = "expired", message = "This code has expired. Ask for a new call." });
        var call = s.Calls.Count > 0 ? s.Calls[^1].State : CallState.Queued;
        return DemoResults.Json(200, new
        {
            status = "success",
            session_status = s.State.WireName(),
            call = call.WireName(),
            calls = s.Calls.Select(c => new { call_number = c.Number, outcome = c.State.WireName() }),
            attempts_left = s.AttemptsLeft,
            expires_at = s.ExpiresAt,
            message = DemoMessages.SessionStatus(s.State, call),
        });
    }
}
