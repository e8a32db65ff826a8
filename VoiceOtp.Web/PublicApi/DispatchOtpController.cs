using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using VoiceOtp.Core.Events;
using VoiceOtp.Core.Guards;
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
    [ProducesResponseType<ApiResponse>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status429TooManyRequests, Description = ApiDescriptions.DispatchLimited)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status503ServiceUnavailable, Description = ApiDescriptions.Unavailable)]
    public Task<IActionResult> Dispatch([FromBody] DispatchOtpRequest request) =>
        DispatchAsync(request.DestinationNumber, request.BrandName, request.CallbackUrl, request.ClientIp, request.RateLimitKey);

    // The URL shape of Plivo's voice-OTP guide, for a drop-in switch.
    [HttpPost("dispatch_otp/{destinationNumber}")]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status429TooManyRequests, Description = ApiDescriptions.DispatchLimited)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status503ServiceUnavailable, Description = ApiDescriptions.Unavailable)]
    public Task<IActionResult> DispatchToPath(string destinationNumber) => DispatchAsync(destinationNumber, null, null, null, null);

    private async Task<IActionResult> DispatchAsync(string? number, string? brandName, string? callbackUrl, string? clientIp,
        string? rateLimitKey)
    {
        if (!RequestOrigin.TryCreate(User.ApiKeyId(), clientIp, rateLimitKey, out var origin, out var error))
            return OutcomeResults.Invalid(error);
        if (!PhoneNumber.TryParse(number, out var phone))
            return OutcomeResults.InvalidNumber();
        BrandName? brand = null;
        if (brandName is not null)
        {
            // Markup has no place in a spoken name; a caller's brand is held to that, the operator's is not.
            if (!BrandName.TryCreate(brandName, out var b) || brandName.IndexOfAny(['<', '>']) >= 0)
                return OutcomeResults.Invalid($"brand_name must be 1 to {BrandName.MaxLength} printable characters, without < or >");
            brand = b;
        }
        Uri? callback = null;
        if (callbackUrl is not null && !callbacks.TryAccept(callbackUrl, out callback, out var problem))
            return OutcomeResults.Invalid(problem!);
        var outcome = await dispatcher.DispatchAsync(phone!, brand, origin, callback);
        return outcome.ToResult();
    }
}
