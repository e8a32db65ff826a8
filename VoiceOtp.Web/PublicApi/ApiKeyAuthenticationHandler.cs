using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace VoiceOtp.Web.PublicApi;

// Product backends authenticate with "Authorization: Bearer <key>". Keys are compared as SHA-256
// digests in constant time, so neither their content nor their length leaks through timing.
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyDigests keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    // A digest of the key, for rate limits per key; the key itself goes nowhere.
    public const string KeyIdClaim = "voiceotp:api_key_id";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        var given = ApiKeyDigests.Of(header[7..].Trim());
        var match = keys.IndexOf(given);
        if (match < 0)
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key"));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, $"api-key-{match}"),
            new Claim(KeyIdClaim, Convert.ToHexString(given, 0, 16))], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ApiResponseWriter.WriteAsync(Response, StatusCodes.Status401Unauthorized,
            new ApiResponse("unauthorized", "send a valid API key as 'Authorization: Bearer <key>'"));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiResponseWriter.WriteAsync(Response, StatusCodes.Status403Forbidden, new ApiResponse("forbidden", "this API key may not do that"));
}
