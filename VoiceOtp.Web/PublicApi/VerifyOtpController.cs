using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VoiceOtp.Core;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Guards;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Web.PublicApi;

[ApiController]
[Produces("application/json")]
[Authorize(AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName)]
public sealed class VerifyOtpController(OtpVerifier verifier, IOptions<VoiceOtpOptions> options) : ControllerBase
{
    // Malformed input is answered before any state is touched, so a typo never costs an attempt.
    [HttpPost("verify_otp")]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status429TooManyRequests, Description = ApiDescriptions.VerifyLimited)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status503ServiceUnavailable, Description = ApiDescriptions.Unavailable)]
    public async Task<IActionResult> Verify([FromBody] VerifyOtpRequest request)
    {
        var length = options.Value.CodeLength;
        if (!OtpCode.TryParse(request.Otp, out var code) || code.Length != length)
            return OutcomeResults.Invalid($"otp must be a string of {length} digits");
        if ((request.DestinationNumber is null) == (request.SessionUuid is null))
            return OutcomeResults.Invalid("give exactly one of destination_number and session_uuid");
        if (!RequestOrigin.TryCreate(User.ApiKeyId(), request.ClientIp, request.RateLimitKey, out var origin, out var error))
            return OutcomeResults.Invalid(error);
        if (request.SessionUuid is not null)
        {
            return SessionId.IsWellFormed(request.SessionUuid)
                ? (await verifier.VerifyBySessionAsync(request.SessionUuid.ToLowerInvariant(), code, origin)).ToResult()
                : OutcomeResults.Invalid("session_uuid must be a UUID");
        }
        return PhoneNumber.TryParse(request.DestinationNumber, out var phone)
            ? (await verifier.VerifyByNumberAsync(phone!, code, origin)).ToResult()
            : OutcomeResults.InvalidNumber();
    }
}
