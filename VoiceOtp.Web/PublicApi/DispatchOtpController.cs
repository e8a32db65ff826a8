using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using VoiceOtp.Core.Events;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Web.PublicApi;

[ApiController]
[Produces("application/json")]
[Authorize(AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName)]
public sealed class DispatchOtpController(OtpDispatcher dispatcher, CallbackUrlPolicy callbacks) : ControllerBase
{
    [HttpPost("dispatch_otp")]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status429TooManyRequests, Description = ApiDescriptions.DispatchLimited)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status503ServiceUnavailable, Description = ApiDescriptions.Unavailable)]
    public Task<IActionResult> Dispatch([FromBody] DispatchOtpRequest request) =>
        DispatchAsync(request.DestinationNumber, request.BrandName, request.CallbackUrl);

    // The URL shape of Plivo's voice-OTP guide, for a drop-in switch.
    [HttpPost("dispatch_otp/{destinationNumber}")]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status429TooManyRequests, Description = ApiDescriptions.DispatchLimited)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status503ServiceUnavailable, Description = ApiDescriptions.Unavailable)]
    public Task<IActionResult> DispatchToPath(string destinationNumber) => DispatchAsync(destinationNumber, null, null);

    private async Task<IActionResult> DispatchAsync(string? number, string? brandName, string? callbackUrl)
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
        Uri? callback = null;
        if (callbackUrl is not null && !callbacks.TryAccept(callbackUrl, out callback, out var problem))
            return OutcomeResults.Invalid(problem!);
        var outcome = await dispatcher.DispatchAsync(phone!, brand, callback);
        return outcome.ToResult();
    }
}
