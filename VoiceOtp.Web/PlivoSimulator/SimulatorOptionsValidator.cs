using Microsoft.Extensions.Options;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Web.PlivoSimulator;

// The simulator publishes every spoken code to API key holders: outside Development it must be
// asked for twice, so that a stray Plivo__Simulator=true cannot turn production into a code oracle.
public sealed class SimulatorOptionsValidator(IHostEnvironment environment) : IValidateOptions<PlivoOptions>
{
    public ValidateOptionsResult Validate(string? name, PlivoOptions o) =>
        o.Simulator && !o.AllowSimulator && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail($"{PlivoOptions.Section}:Simulator=true is refused outside the Development environment "
                + $"unless {PlivoOptions.Section}:AllowSimulator=true is set too")
            : ValidateOptionsResult.Success;
}
