using VoiceOtp.Core.Redis;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Redis;

// A script without a #!lua line runs its reads and DELs on a full Redis and fails only at its first
// write; with one (and no allow-oom) Redis refuses it whole. Hosting/RedisFailureTests shows the effect.
public sealed class RedisScriptsTests
{
    private static IEnumerable<string> ScriptFiles() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "VoiceOtp.Core", "Redis", "Scripts"), "*.lua").Select(Path.GetFileName)!;

    [TestCaseSource(nameof(ScriptFiles))]
    public void EveryScript_FailsClosed(string file)
    {
        var script = File.ReadAllText(Path.Combine(RepoPaths.Root, "VoiceOtp.Core", "Redis", "Scripts", file));

        Assert.That(() => RedisScripts.FailClosed(script, file), Throws.Nothing);
        Assert.That(script.Split('\n')[0].TrimEnd(), Is.EqualTo("#!lua"), "writing scripts declare no flags at all");
    }

    [TestCase("return 1")]
    [TestCase("#!lua flags=allow-oom\nreturn 1")]
    [TestCase("#!lua flags=no-writes\nreturn 1")]
    [TestCase("#!lua flags=allow-stale\nreturn 1")]
    [TestCase("#!lua flags=no-cluster\nreturn 1")]
    [TestCase("-- #!lua\nreturn 1")]
    public void FailClosed_RefusesAScript_ThatRedisWouldRunOnAFullServer(string script)
    {
        Assert.That(() => RedisScripts.FailClosed(script, "test.lua"), Throws.InvalidOperationException.With.Message.Contains("test.lua"));
    }

    // Scripts kept inline next to their only caller (CallQueue, EventOutbox, SessionStatusStore) obey
    // the same rule and go through FailClosed, so that a new one cannot slip in without the line.
    [Test]
    public void EveryInlineScript_GoesThroughFailClosed_WithAPlainLuaLine()
    {
        var sources = Directory.GetFiles(Path.Combine(RepoPaths.Root, "VoiceOtp.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var inline = 0;
        foreach (var file in sources)
        {
            var parts = File.ReadAllText(file).Split("\"\"\"");
            for (var i = 1; i < parts.Length; i += 2)
            {
                if (!parts[i].Contains("redis.call", StringComparison.Ordinal))
                    continue;
                inline++;
                Assert.That(parts[i - 1].TrimEnd(), Does.EndWith("RedisScripts.FailClosed("), Path.GetFileName(file));
                Assert.That(parts[i].TrimStart('\r', '\n').Split('\n')[0].Trim(), Is.EqualTo("#!lua"), Path.GetFileName(file));
            }
        }
        Assert.That(inline, Is.GreaterThanOrEqualTo(5), "the inline scripts were found");
    }

    [Test]
    public void VerifyScript_CountsTheAttempt_BeforeComparing()
    {
        var lines = RedisScripts.VerifyCode.Text.Split('\n');
        var count = Array.FindIndex(lines, l => l.Contains("HINCRBY", StringComparison.Ordinal));
        var compare = Array.FindIndex(lines, l => l.Contains("== ARGV[1]", StringComparison.Ordinal));

        Assert.That(count, Is.GreaterThan(0));
        Assert.That(compare, Is.GreaterThan(count));
    }

    // Comments are dropped from the text sent to Redis, code is not: every file's code lines are
    // all in the loaded script, in order, and the #!lua line is still first.
    [Test]
    public void LoadedScripts_KeepEveryCodeLine_AndTheLuaLine()
    {
        var file = File.ReadAllLines(Path.Combine(RepoPaths.Root, "VoiceOtp.Core", "Redis", "Scripts", "verify-code.lua"));
        var code = file.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal)).ToArray();

        var loaded = RedisScripts.VerifyCode.Text.Split('\n');

        Assert.That(loaded, Is.EqualTo(code));
        Assert.That(loaded[0], Is.EqualTo("#!lua"));
        Assert.That(RedisScripts.VerifyCode.Text, Does.Not.Contain("-- "));
    }
}
