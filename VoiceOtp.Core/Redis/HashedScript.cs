using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace VoiceOtp.Core.Redis;

// A script the paths under load send by its SHA-1 alone. Given the text, StackExchange.Redis finds
// the SHA by hashing the whole text on every call, 3 % of the engine's CPU on the wrong-code path.
// NOSCRIPT (Redis restarted or its cache flushed) means the script did not run, so the text is
// sent then, which also loads it again.
public sealed class HashedScript
{
    private readonly byte[] _sha1;

    public HashedScript(string text)
    {
        Text = text;
        _sha1 = SHA1.HashData(Encoding.UTF8.GetBytes(text));
    }

    public string Text { get; }

    public async Task<RedisResult> EvaluateAsync(IDatabaseAsync db, RedisKey[] keys, RedisValue[] values)
    {
        try
        {
            return await db.ScriptEvaluateAsync(_sha1, keys, values);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return await db.ScriptEvaluateAsync(Text, keys, values);
        }
    }
}
