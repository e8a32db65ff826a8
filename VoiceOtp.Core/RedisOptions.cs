namespace VoiceOtp.Core;

// A class, not a record: a record's generated ToString would print the password.
public sealed class RedisOptions
{
    public const string Section = "Redis";

    // Port 6380 matches redis.conf: a Debian redis-server package may already hold 6379.
    public string Configuration { get; set; } = "127.0.0.1:6380";

    // Kept apart from Configuration so that it comes from the environment (Redis__Password) and never
    // sits in a connection string that might be logged or committed.
    public string Password { get; set; } = "";

    // The {o} hash tag puts every engine key in one slot (see RedisKeys).
    public string KeyPrefix { get; set; } = "voiceotp:{o}:";
    public string JobsPrefix { get; set; } = "{voiceotp-jobs}:";

    // Bounds every Redis call, so a full, stopped or stalled Redis answers 503 within this time
    // instead of hanging requests; also how long start-up waits for the first connection.
    public int TimeoutMs { get; set; } = 2000;
    public int ConnectTimeoutMs { get; set; } = 2000;

    public override string ToString() => nameof(RedisOptions);
}
