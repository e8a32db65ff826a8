using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VoiceOtp.Core;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Web.PublicApi;

[ApiController]
[Produces("application/json")]
[Authorize(AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName)]
public sealed class SessionStatusController(SessionStatusStore store, IOptions<VoiceOtpOptions> options, TimeProvider clock)
    : ControllerBase
{
    [HttpGet("sessions/{sessionUuid}")]
    [ProducesResponseType<SessionStatusResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ApiResponse>(StatusCodes.Status503ServiceUnavailable, Description = ApiDescriptions.Unavailable)]
    public async Task<IActionResult> Get(string sessionUuid)
    {
        if (!SessionId.IsWellFormed(sessionUuid))
            return OutcomeResults.Invalid("session_uuid must be a UUID");
        var status = await store.ReadAsync(sessionUuid.ToLowerInvariant(), clock.GetUtcNow(), options.Value.MaxCallsPerSession);
        return status.ToResult();
    }
}
