using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Web.PublicApi;

[ApiController]
[Authorize(AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName)]
public sealed class DispatchOtpController(OtpDispatcher dispatcher) : ControllerBase
{
    [HttpPost("dispatch_otp")]
    public Task<IActionResult> Dispatch([FromBody] DispatchOtpRequest request) =>
        DispatchAsync(request.DestinationNumber, request.BrandName);

    // The URL shape of Plivo's voice-OTP guide, for a drop-in switch.
    [HttpPost("dispatch_otp/{destinationNumber}")]
    public Task<IActionResult> DispatchToPath(string destinationNumber) => DispatchAsync(destinationNumber, null);

    private async Task<IActionResult> DispatchAsync(string? number, string? brandName)
    {
        if (!PhoneNumber.TryParse(number, out var phone))
            return OutcomeResults.InvalidNumber();
        BrandName? brand = null;
        if (brandName is not null)
        {
            if (!BrandName.TryCreate(brandName, out var b))
                return OutcomeResults.Invalid($"brand_name must be 1 to {BrandName.MaxLength} printable characters");
            brand = b;
        }
        var outcome = await dispatcher.DispatchAsync(phone!, brand);
        return outcome.ToResult();
    }
}
