namespace VoiceOtp.Core;

public sealed class RedisOptions
{
    public const string Section = "Redis";

    // Port 6380 matches redis.conf: a Debian redis-server package may already hold 6379.
    public string Configuration { get; set; } = "127.0.0.1:6380";
    // The {o} hash tag puts every engine key in one slot (see RedisKeys).
    public string KeyPrefix { get; set; } = "voiceotp:{o}:";
    public string JobsPrefix { get; set; } = "{voiceotp-jobs}:";

    public override string ToString() => nameof(RedisOptions);
}
