using Microsoft.AspNetCore.Mvc;
using VoiceOtp.Core.Calls;

namespace VoiceOtp.Web.PlivoWebhooks;

[ApiController]
[ServiceFilter(typeof(PlivoSignatureFilter))]
public sealed class AnswerController(CallAnswerer answerer) : ControllerBase
{
    [HttpPost("plivo/answer/{token}")]
    public async Task<IActionResult> Answer(string token)
    {
        var xml = await answerer.AnswerAsync(token);
        // The body speaks a code: no proxy or client cache may keep it.
        Response.Headers.CacheControl = "no-store";
        return Content(xml, "application/xml");
    }
}
