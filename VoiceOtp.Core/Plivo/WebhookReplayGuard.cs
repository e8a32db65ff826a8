using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceOtp.Core.Events;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Plivo;

// A V3 signature covers the URL, the form and a nonce but no time, so a captured answer request
// would speak the code again if it were sent twice. Each accepted signature is remembered (as a
// digest) for as long as its call can matter: a session's lifetime plus the status retention.
// Keyed by the signature rather than the nonce, so one nonce reused on another URL is no replay.
public sealed class WebhookReplayGuard(
    IConnectionMultiplexer redis, RedisKeys keys, IOptions<VoiceOtpOptions> voiceOtp, IOptions<EventOptions> events)
{
    private readonly IDatabase _db = redis.GetDatabase();

    // True the first time this signature header is seen.
    public Task<bool> TryAcceptAsync(string signatureHeader) =>
        _db.StringSetAsync(keys.WebhookSignature(Digest(signatureHeader)), "1", Lifetime, When.NotExists);

    // The request failed before it was handled, so Plivo's retry of it must get through.
    public void Forget(string signatureHeader) =>
        _db.KeyDelete(keys.WebhookSignature(Digest(signatureHeader)), CommandFlags.FireAndForget);

    private TimeSpan Lifetime => TimeSpan.FromSeconds(voiceOtp.Value.CodeTtlSeconds + Math.Max(60, events.Value.StatusRetentionSeconds));

    private static string Digest(string header) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(header))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
