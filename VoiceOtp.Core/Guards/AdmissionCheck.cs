using StackExchange.Redis;

namespace VoiceOtp.Core.Guards;

// One request's admission, ready to run: admit.lua's keys and arguments, or the refusal already
// known without Redis (a window FullWindows remembers as full).
public sealed class AdmissionCheck
{
    internal AdmissionCheck(RedisKey[] keys, RedisValue[] args, IReadOnlyList<Admission.Window> windows, long askedAt)
    {
        Keys = keys;
        Args = args;
        Windows = windows;
        AskedAt = askedAt;
    }

    internal AdmissionCheck(Refusal remembered)
    {
        Remembered = remembered;
        Keys = [];
        Args = [];
        Windows = [];
    }

    public Refusal? Remembered { get; }
    public RedisKey[] Keys { get; }
    public RedisValue[] Args { get; }

    internal IReadOnlyList<Admission.Window> Windows { get; }

    // On the monotonic clock, taken before the script runs (see FullWindows).
    internal long AskedAt { get; }
}
