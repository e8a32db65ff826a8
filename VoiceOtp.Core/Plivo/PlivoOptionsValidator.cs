using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace VoiceOtp.Core.Plivo;

public sealed partial class PlivoOptionsValidator : IValidateOptions<PlivoOptions>
{
    public ValidateOptionsResult Validate(string? name, PlivoOptions o)
    {
        var b = new ValidateOptionsResultBuilder();
        const string s = PlivoOptions.Section;
        if (!AuthIdShape().IsMatch(o.AuthId))
            b.AddError($"{s}:AuthId is required: 20 characters starting with MA or SA");
        if (string.IsNullOrWhiteSpace(o.AuthToken))
            b.AddError($"{s}:AuthToken is required");
        if (!CallerIdShape().IsMatch(o.CallerId))
            b.AddError($"{s}:CallerId is required: a number in international format, such as +14155550100");
        if (!Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            b.AddError($"{s}:BaseUrl must be an absolute http(s) URL");
        if (o.TimeoutSeconds is < 1 or > 60)
            b.AddError($"{s}:TimeoutSeconds must be between 1 and 60");
        if (o.SimulatorAnswerDelaySeconds is < 0 or > 300)
            b.AddError($"{s}:SimulatorAnswerDelaySeconds must be between 0 and 300");
        return b.Build();
    }

    [GeneratedRegex("^(MA|SA)[A-Z0-9]{18}$")]
    private static partial Regex AuthIdShape();

    [GeneratedRegex(@"^\+?[1-9][0-9]{6,14}$")]
    private static partial Regex CallerIdShape();
}
