using Microsoft.AspNetCore.Mvc;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Web.PlivoWebhooks;

[ApiController]
// Before [ApiController]'s model-state check, so that an unreadable form is a webhook refusal (403), not the API's 400.
[ServiceFilter(typeof(PlivoSignatureFilter), Order = PlivoSignatureFilter.Order)]
public sealed class HangupController(HangupRecorder recorder) : ControllerBase
{
    // Always 200 once the signature holds: Plivo retries anything else, and a call we no longer know
    // (its session expired) will not become known by retrying.
    [HttpPost(CallbackRoutes.Hangup + "/{token}")]
    public async Task<IActionResult> Hangup(string token)
    {
        var form = Request.HasFormContentType ? await Request.ReadFormAsync() : FormCollection.Empty;
        await recorder.RecordAsync(token, CallCallbackParameters.From(k => form[k].FirstOrDefault()));
        // Plivo reads nothing from this answer: an empty Plivo XML document, the same whether the
        // call was known or not.
        return Content(EmptyXml.Response(), "application/xml");
    }
}
