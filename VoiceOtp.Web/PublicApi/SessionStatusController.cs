using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VoiceOtp.Core;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Web.PublicApi;

[ApiController]
[Authorize(AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName)]
public sealed class SessionStatusController(SessionStatusStore store, IOptions<VoiceOtpOptions> options, TimeProvider clock)
    : ControllerBase
{
    [HttpGet("sessions/{sessionUuid}")]
    public async Task<IActionResult> Get(string sessionUuid)
    {
        if (!SessionId.IsWellFormed(sessionUuid))
            return OutcomeResults.Invalid("session_uuid must be a UUID");
        var status = await store.ReadAsync(sessionUuid.ToLowerInvariant(), clock.GetUtcNow(), options.Value.MaxCallsPerSession);
        return status.ToResult();
    }
}
