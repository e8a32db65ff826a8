using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace VoiceOtp.Web.PublicApi;

// One public answer: its status, its body and, for a 429, Retry-After in whole seconds. Written the
// same way by the controllers (as an action result) and by the hand-written verify endpoint.
public sealed record ApiAnswer(int Status, ApiResponse Body, int? RetryAfterSeconds = null)
{
    public Task WriteAsync(HttpResponse response)
    {
        SetRetryAfter(response);
        return ApiResponseWriter.WriteAsync(response, Status, Body);
    }

    public IActionResult ToActionResult() => new Result(this);

    private void SetRetryAfter(HttpResponse response)
    {
        if (RetryAfterSeconds is { } seconds)
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
    }

    private sealed class Result : ObjectResult
    {
        private readonly ApiAnswer _answer;

        public Result(ApiAnswer answer) : base(answer.Body)
        {
            _answer = answer;
            StatusCode = answer.Status;
        }

        public override void OnFormatting(ActionContext context)
        {
            base.OnFormatting(context);
            _answer.SetRetryAfter(context.HttpContext.Response);
        }
    }
}
