using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PhoneNumbers;
using VoiceOtp.Core.Guards;
using VoiceOtp.Web.Hosting;
using VoiceOtp.Web.PublicApi;

namespace VoiceOtp.Web.Admin;

// Operators see and reset the toll-fraud circuit breakers with the dashboard's credentials (HTTP
// Basic, or direct loopback when none are configured): the same people who watch the call jobs,
// and not the product backends that hold API keys, which are what a breaker protects against.
[ApiController]
[Authorize(Policy = HangfireRegistration.DashboardPolicy)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class BreakersController(BreakerStore breakers) : ControllerBase
{
    private static readonly HashSet<string> Regions = new(PhoneNumberUtil.GetInstance().GetSupportedRegions(), StringComparer.Ordinal);

    [HttpGet("admin/breakers")]
    public async Task<IActionResult> List()
    {
        var open = await breakers.ListOpenAsync();
        return Ok(new BreakerListResponse($"{open.Count} open circuit breaker(s)",
            open.Select(b => new BreakerView(b.Country, b.Prefix, b.Reason, b.OpenedAt, b.OpenUntil)).ToList()));
    }

    [HttpDelete("admin/breakers/{country}")]
    public async Task<IActionResult> Reset(string country)
    {
        var code = country.ToUpperInvariant();
        if (!(code == Core.Phones.PhoneNumber.NonGeographicRegion || Regions.Contains(code)))
            return OutcomeResults.Invalid("country must be an ISO 3166 alpha-2 code such as GB");
        var removed = await breakers.ResetAsync(code);
        return Ok(new ApiResponse("success", $"breakers for {code} reset ({removed} cleared)"));
    }
}

