namespace VoiceOtp.Web.Hosting;

// One line per problem, each naming the setting or address at fault and never a secret value.
public sealed class StartupException(IReadOnlyList<string> problems)
    : Exception("VoiceOtp cannot start: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
