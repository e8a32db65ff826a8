using Microsoft.Extensions.Options;

namespace VoiceOtp.Web.Dashboard;

public sealed class DashboardAccessOptionsValidator : IValidateOptions<DashboardAccessOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardAccessOptions o)
    {
        const string s = DashboardAccessOptions.Section;
        if (o.Username.Length > 0 && o.Password.Length == 0)
            return ValidateOptionsResult.Fail($"{s}:Password is required when {s}:Username is set");
        if (o.Password.Length > 0 && o.Username.Length == 0)
            return ValidateOptionsResult.Fail($"{s}:Username is required when {s}:Password is set");
        if (!o.HasCredentials && !o.AllowAnonymousLoopback)
            return ValidateOptionsResult.Fail($"{s}:Username and {s}:Password are required, unless {s}:AllowAnonymousLoopback=true "
                + "opens the dashboard to direct loopback requests without them");
        return ValidateOptionsResult.Success;
    }
}
