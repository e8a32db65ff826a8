using Microsoft.Extensions.Options;

namespace VoiceOtp.Core.Events;

// Messages name the key and never echo the value: the secret is one of them.
public sealed class EventOptionsValidator : IValidateOptions<EventOptions>
{
    public const int MinSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, EventOptions o)
    {
        var b = new ValidateOptionsResultBuilder();
        const string s = EventOptions.Section;
        if (o.CallbackHosts.Any(h => !CallbackHostList.IsValidPattern(h)))
            b.AddError($"{s}:CallbackHosts must each be a host name, an IP address or *.domain");
        if (o.CallbacksEnabled && (string.IsNullOrWhiteSpace(o.CallbackSecret) || o.CallbackSecret.Length < MinSecretLength))
            b.AddError($"{s}:CallbackSecret is required when {s}:CallbackHosts is set: at least {MinSecretLength} characters");
        if (o.CallbackRetryDelaysSeconds.Length > 30 || o.CallbackRetryDelaysSeconds.Any(d => d is < 1 or > 86_400))
            b.AddError($"{s}:CallbackRetryDelaysSeconds must hold at most 30 delays, each between 1 and 86400");
        if (o.CallbackTimeoutSeconds is < 1 or > 30)
            b.AddError($"{s}:CallbackTimeoutSeconds must be between 1 and 30");
        if (o.StatusRetentionSeconds is < 0 or > 604_800)
            b.AddError($"{s}:StatusRetentionSeconds must be between 0 and 604800");
        return b.Build();
    }
}
