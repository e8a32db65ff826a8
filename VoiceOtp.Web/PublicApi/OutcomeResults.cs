using Microsoft.AspNetCore.Mvc;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Web.PublicApi;

// ApiAnswers as MVC action results, for the controllers.
public static class OutcomeResults
{
    public static IActionResult ToResult(this DispatchOutcome o) => ApiAnswers.For(o).ToActionResult();

    public static IActionResult ToResult(this SessionStatus? s) => s is null
        ? SessionNotFound()
        : new ObjectResult(new SessionStatusResponse(s)) { StatusCode = 200 };

    public static IActionResult InvalidNumber() => ApiAnswers.InvalidNumber.ToActionResult();

    public static IActionResult Invalid(string message) => ApiAnswers.Invalid(message).ToActionResult();

    private static IActionResult SessionNotFound() =>
        new ApiAnswer(404, new ApiResponse("not_found", "no such session (it never existed, or its status is no longer kept)")).ToActionResult();
}
