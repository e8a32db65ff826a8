using System.Security.Claims;

namespace VoiceOtp.Web.PublicApi;

public static class ApiKeyClaims
{
    // The digest ApiKeyAuthenticationHandler put on the principal; rate limits per key use it.
    public static string ApiKeyId(this ClaimsPrincipal user) =>
        user.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value ?? "";
}
