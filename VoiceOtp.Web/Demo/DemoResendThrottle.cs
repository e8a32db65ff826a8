using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VoiceOtp.Core.Phones;

namespace VoiceOtp.Web.Demo;

// "Call me again" waits Demo:ResendAfterSeconds, as a product's sign-up page would make it wait. The
// engine itself only caps calls per session; this pacing belongs to the page. Kept in memory: it is
// a courtesy for one demo process, not a security control.
public sealed class DemoResendThrottle(IOptions<DemoOptions> options, TimeProvider clock)
{
    private const int MaxTracked = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastCall = new(StringComparer.Ordinal);

    public int SecondsToWait(PhoneNumber phone)
    {
        if (!_lastCall.TryGetValue(phone.E164, out var last))
            return 0;
        var next = last.AddSeconds(options.Value.ResendAfterSeconds);
        var wait = next - clock.GetUtcNow();
        return wait <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(wait.TotalSeconds);
    }

    public void Called(PhoneNumber phone)
    {
        if (_lastCall.Count >= MaxTracked)
            _lastCall.Clear();
        _lastCall[phone.E164] = clock.GetUtcNow();
    }
}
