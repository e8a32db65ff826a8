using StackExchange.Redis;

namespace VoiceOtp.Web.Hosting;

// Hangfire's own multiplexer (see RedisRegistration), a type of its own so that nothing else
// resolves it in place of the stores' one.
public sealed class JobStorageConnection(IConnectionMultiplexer multiplexer) : IDisposable
{
    public IConnectionMultiplexer Multiplexer { get; } = multiplexer;

    public void Dispose() => Multiplexer.Dispose();
}
