using Microsoft.AspNetCore.Mvc;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Web.PublicApi;

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
        var known = await recorder.RecordAsync(token, CallCallbackParameters.From(k => form[k].FirstOrDefault()));
        return Ok(known ? new ApiResponse("recorded", "call outcome recorded") : new ApiResponse("ignored", "unknown or expired call"));
    }
}
