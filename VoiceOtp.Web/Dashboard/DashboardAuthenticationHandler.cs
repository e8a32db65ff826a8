using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace VoiceOtp.Web.Dashboard;

// Admins reach the jobs dashboard with HTTP Basic when Dashboard:Username/Password are set. Without
// them (only allowed with Dashboard:AllowAnonymousLoopback=true) only a direct loopback connection
// gets in; a request that came through a proxy (it carries X-Forwarded-For) is refused even from
// loopback, because the proxy hides the real client.
public sealed class DashboardAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<DashboardAccessOptions> access)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "DashboardBasic";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var o = access.Value;
        if (!o.HasCredentials)
            return Task.FromResult(o.AllowAnonymousLoopback && IsDirectLoopback() ? Success("local-admin") : AuthenticateResult.NoResult());
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("Malformed Basic credentials"));
        }
        var colon = decoded.IndexOf(':');
        var ok = colon > 0 & Same(decoded[..Math.Max(colon, 0)], o.Username) & Same(decoded[(colon + 1)..], o.Password);
        return Task.FromResult(ok ? Success(o.Username) : AuthenticateResult.Fail("Wrong dashboard credentials"));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (access.Value.HasCredentials)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.WWWAuthenticate = "Basic realm=\"VoiceOtp jobs\", charset=\"UTF-8\"";
        }
        else
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return Task.CompletedTask;
    }

    private bool IsDirectLoopback() => Hosting.DirectConnection.IsLoopback(Context);

    private AuthenticateResult Success(string name) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName)), SchemeName));

    private static bool Same(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
