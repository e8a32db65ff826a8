using Microsoft.AspNetCore.Mvc;
using VoiceOtp.Core.Calls;

namespace VoiceOtp.Web.PlivoWebhooks;

// The three requests Plivo makes while a call is live: the answer, the GetDigits action and the
// Redirect after the last reading of the code. Each answers Plivo XML.
[ApiController]
// Before [ApiController]'s model-state check, so that an unreadable form is a webhook refusal (403), not the API's 400.
[ServiceFilter(typeof(PlivoSignatureFilter), Order = PlivoSignatureFilter.Order)]
public sealed class AnswerController(CallAnswerer answerer) : ControllerBase
{
    [HttpPost(CallbackRoutes.Answer + "/{token}")]
    public async Task<IActionResult> Answer(string token) =>
        Xml(await answerer.AnswerAsync(token, await PlivoForm.ReadAsync(Request)));

    [HttpPost(CallbackRoutes.Digits + "/{token}")]
    public async Task<IActionResult> Digits(string token) =>
        Xml(await answerer.PressAsync(token, await PlivoForm.ReadAsync(Request)));

    [HttpPost(CallbackRoutes.Heard + "/{token}")]
    public async Task<IActionResult> Heard(string token) => Xml(await answerer.HeardAsync(token));

    private ContentResult Xml(string xml)
    {
        // The body may speak a code: no proxy or client cache may keep it.
        Response.Headers.CacheControl = "no-store";
        return Content(xml, "application/xml");
    }
}
