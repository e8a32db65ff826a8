using Microsoft.AspNetCore.Mvc;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Web.PublicApi;

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
        var known = await recorder.RecordAsync(token, CallCallbackParameters.From(k => form[k].FirstOrDefault()));
        return Ok(known ? new ApiResponse("recorded", "call is ringing") : new ApiResponse("ignored", "unknown or expired call"));
    }
}
