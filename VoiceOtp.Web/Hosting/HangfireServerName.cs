using System.Security.Cryptography;

namespace VoiceOtp.Web.Hosting;

// The name this process gives its Hangfire server, so that readiness can find its own server among
// those of other instances sharing the storage.
public sealed class HangfireServerName
{
    public string Value { get; } = $"{Environment.MachineName}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}
