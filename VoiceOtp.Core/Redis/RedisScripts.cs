using System.Reflection;

namespace VoiceOtp.Core.Redis;

// The scripts ship as embedded .lua files so that they read as Lua, not as C# strings. They are read
// once, when this class is first touched; RedisScriptLoader touches it at start-up, so a script
// missing from the build stops the app there instead of failing a request.
// StackExchange.Redis caches each script's SHA, sends EVALSHA, and falls back to EVAL on NOSCRIPT
// (after a Redis restart or SCRIPT FLUSH), so the stores pass the text itself; the scripts that run
// per dispatch, call and verify go by hash instead (HashedScript), most of them loaded at start-up (All).
// A raw script string goes out unchanged (only LuaScript.Prepare rewrites @names), so the shebang
// reaches Redis. Every script fails closed: its first line is "#!lua" without allow-oom, so Redis (7+)
// refuses it whole when memory is full, instead of running its reads and refusing only its first write.
public static class RedisScripts
{
    public static string OpenOrJoinSession { get; } = Load("open-or-join-session.lua");
    public static HashedScript VerifyCode { get; } = new(Load("verify-code.lua"));
    public static HashedScript ClaimCalls { get; } = new(Load("claim-calls.lua"));
    public static HashedScript ClaimCall { get; } = new(Load("claim-call.lua"));
    public static HashedScript RecordCallOutcome { get; } = new(Load("record-call-outcome.lua"));
    public static string ResolveUncertainCall { get; } = Load("resolve-uncertain-call.lua");
    public static string CancelCalls { get; } = Load("cancel-calls.lua");
    public static string AppendEvent { get; } = Load("append-event.lua");
    public static string ClaimEvents { get; } = Load("claim-events.lua");
    public static string AnswerCall { get; } = Load("answer-call.lua");
    public static string PressKey { get; } = Load("press-key.lua");
    public static string RecordHeard { get; } = Load("record-heard.lua");
    public static HashedScript Admit { get; } = new(Load("admit.lua"));
    public static string TrackSession { get; } = Load("track-session.lua");

    // A dispatch in one EVALSHA: admit.lua, and open-or-join-session.lua only if admitted.
    // KEYS are admit's then the session's; ARGV[1] and ARGV[2] count admit's keys and arguments,
    // then come admit's arguments, then the session's. Returns {'refused', admit's answer} or the
    // session script's answer. Nothing can run between the two halves.
    public static HashedScript AdmitAndOpenSession { get; } = new(Combine(Admit.Text, OpenOrJoinSession));

    public static IReadOnlyList<string> All { get; } =
        [AdmitAndOpenSession.Text, VerifyCode.Text, ClaimCalls.Text, ClaimCall.Text, RecordCallOutcome.Text];

    // Each script becomes a function whose parameters shadow KEYS and ARGV, so it reads its own
    // slice of them unchanged.
    private static string Combine(string admit, string open) => string.Join('\n',
        "#!lua",
        "local function admit(KEYS, ARGV)", Body(admit), "end",
        "local function open_or_join(KEYS, ARGV)", Body(open), "end",
        "local nk, na = tonumber(ARGV[1]), tonumber(ARGV[2])",
        "local ak, aa, sk, sa = {}, {}, {}, {}",
        "for i = 1, nk do ak[i] = KEYS[i] end",
        "for i = nk + 1, #KEYS do sk[i - nk] = KEYS[i] end",
        "for i = 1, na do aa[i] = ARGV[i + 2] end",
        "for i = na + 3, #ARGV do sa[i - na - 2] = ARGV[i] end",
        "local a = admit(ak, aa)",
        "if a[1] ~= 'allowed' then return {'refused', a} end",
        "return open_or_join(sk, sa)");

    private static string Body(string script) => script[(script.IndexOf('\n') + 1)..];

    private static string Load(string file)
    {
        var assembly = typeof(RedisScripts).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + file, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The Redis script {file} is not embedded in {assembly.GetName().Name}");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return WithoutComments(FailClosed(reader.ReadToEnd(), file));
    }

    // Only code is sent: StackExchange.Redis finds a script's SHA by hashing its whole text on every
    // call, and the files are about half comments. Whole-line comments only (no script uses a
    // multi-line --[[ ]] comment), and the #!lua line stays first.
    private static string WithoutComments(string script) =>
        string.Join('\n', script.Split('\n').Select(l => l.Trim())
            .Where((line, i) => i == 0 || (line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal))));

    // Exactly "#!lua": any flag weakens it (allow-oom runs on a full Redis, no-writes/allow-stale on a
    // replica or a stale one, no-cluster/allow-cross-slot-keys give up the single-slot layout).
    public static string FailClosed(string script, string name)
    {
        var end = script.IndexOf('\n');
        var firstLine = (end < 0 ? script : script[..end]).TrimEnd('\r', ' ');
        if (firstLine != "#!lua")
            throw new InvalidOperationException($"Redis script {name} must start with a plain #!lua line (no flags such as allow-oom or no-writes)");
        return script;
    }
}
