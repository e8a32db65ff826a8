using System.Reflection;

namespace VoiceOtp.Core.Redis;

// The scripts ship as embedded .lua files so that they read as Lua, not as C# strings.
// StackExchange.Redis caches each script's SHA and sends EVALSHA after the first call.
public static class RedisScripts
{
    public static string OpenOrJoinSession { get; } = Load("open-or-join-session.lua");
    public static string VerifyCode { get; } = Load("verify-code.lua");
    public static string ClaimCall { get; } = Load("claim-call.lua");
    public static string RecordCallOutcome { get; } = Load("record-call-outcome.lua");
    public static string AppendEvent { get; } = Load("append-event.lua");
    public static string ClaimEvents { get; } = Load("claim-events.lua");

    private static string Load(string file)
    {
        var assembly = typeof(RedisScripts).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
