using System.Collections.Concurrent;
using System.Diagnostics;

namespace VoiceOtp.Core.Guards;

// The rate windows admit.lua has found full, and until when, kept in this process. A full window
// stays full until its oldest counted entry ages out: a refusal adds nothing to it, and nothing
// but age removes an entry (a breaker reset deletes only call windows, which trip a breaker
// instead of refusing). Until then a request that falls in it is refused from memory, as the
// script would refuse it, without a round trip: a flood of refused requests costs the engine and
// Redis less than wrong codes do. Deadlines are on the monotonic clock, counted from before the
// script ran, so that a memory ends no later than the window in Redis.
public sealed class FullWindows
{
    // Each entry costs an attacker a full window of admitted requests; the bound keeps a flood of
    // them from growing the process.
    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<(string Key, long SpanMs), long> _until = new();

    public static long Now() => Stopwatch.GetTimestamp();

    // How long the window stays full, or null when it is not known to be full.
    public TimeSpan? Remaining(string key, long spanMs)
    {
        if (!_until.TryGetValue((key, spanMs), out var until))
            return null;
        var left = Stopwatch.GetElapsedTime(Now(), until);
        if (left > TimeSpan.Zero)
            return left;
        _until.TryRemove(new KeyValuePair<(string, long), long>((key, spanMs), until));
        return null;
    }

    public void Remember(string key, long spanMs, long askedAt, long fullForMs)
    {
        if (_until.Count >= Capacity)
        {
            var now = Now();
            foreach (var entry in _until)
                if (entry.Value <= now)
                    _until.TryRemove(entry);
            if (_until.Count >= Capacity)
                return;
        }
        _until[(key, spanMs)] = askedAt + fullForMs * Stopwatch.Frequency / 1000;
    }
}
