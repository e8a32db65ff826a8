using Microsoft.AspNetCore.Mvc;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Web.PlivoWebhooks;

[ApiController]
[ServiceFilter(typeof(PlivoSignatureFilter))]
public sealed class RingController(RingRecorder recorder) : ControllerBase
{
    // Always 200 once the signature holds, like the hangup callback: Plivo expects no XML here.
    [HttpPost(CallbackRoutes.Ring + "/{token}")]
    public async Task<IActionResult> Ring(string token)
    {
        var form = Request.HasFormContentType ? await Request.ReadFormAsync() : FormCollection.Empty;
        await recorder.RecordAsync(token, CallCallbackParameters.From(k => form[k].FirstOrDefault()));
        // Plivo reads nothing from this answer: an empty Plivo XML document, the same whether the
        // call was known or not.
        return Content(EmptyXml.Response(), "application/xml");
    }
}
