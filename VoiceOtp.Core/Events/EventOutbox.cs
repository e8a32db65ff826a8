using System.Threading.Channels;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Core.Events;

// The durable hand-off between a request and Hangfire. A request only appends to a Redis list
// (one async script call, awaited before the answer), so an event that happened before a 200 is
// never lost to a crash; EventOutboxPump then creates the Hangfire jobs, off the request path,
// because Hangfire's Redis storage enqueues with blocking calls.
public sealed class EventOutbox(IConnectionMultiplexer redis, RedisKeys keys, IOptions<EventOptions> options)
{
    private const string DeliverPrefix = "d ";
    private const string ExpiryPrefix = "x ";
    private readonly IDatabase _db = redis.GetDatabase();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    // Wakes the pump at once instead of at its next poll; only a hint, the list is the truth.
    public ChannelReader<bool> Appended => _wake.Reader;

    public async Task AppendAsync(SessionEvent e)
    {
        await AppendAsync(keys.EventRecord(e.Id), DeliverPrefix + e.Id, ["url", e.CallbackUrl, "body", e.Body]);
    }

    public Task AppendExpiryCheckAsync(string sessionId, DateTimeOffset expiresAt) =>
        AppendAsync(keys.EventRecord(sessionId + ".expiry"), ExpiryPrefix + sessionId,
            ["expires_at", expiresAt.ToUnixTimeMilliseconds()]);

    private async Task AppendAsync(string record, string entry, RedisValue[] fields)
    {
        await _db.ScriptEvaluateAsync(RedisScripts.AppendEvent, [record, keys.EventOutbox],
            [entry, (long)options.Value.EventTtl.TotalMilliseconds, .. fields]);
        _wake.Writer.TryWrite(true);
    }

    public async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset now, TimeSpan lease, int max)
    {
        var r = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.ClaimEvents, [keys.EventOutbox, keys.EventClaims],
            [now.ToUnixTimeMilliseconds(), (long)lease.TotalMilliseconds, max, (long)options.Value.EventTtl.TotalMilliseconds]))!;
        return r.Select(x => Parse((string)x!)).ToList();
    }

    // Ends the lease of claimed entries the pump could not finish, so the next claim takes them.
    public async Task ReleaseAsync(IEnumerable<OutboxEntry> entries)
    {
        var released = entries.Select(e => new SortedSetEntry(e.Raw, 0)).ToArray();
        if (released.Length > 0)
            await _db.SortedSetAddAsync(keys.EventClaims, released, SortedSetWhen.Exists);
    }

    public async Task<DateTimeOffset?> ExpiresAtAsync(string sessionId)
    {
        var v = await _db.HashGetAsync(keys.EventRecord(sessionId + ".expiry"), "expires_at");
        return v.TryParse(out long ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public async Task DoneAsync(IEnumerable<OutboxEntry> entries)
    {
        var done = entries.Select(e => (RedisValue)e.Raw).ToArray();
        if (done.Length > 0)
            await _db.SortedSetRemoveAsync(keys.EventClaims, done);
    }

    public async Task<(string Url, string Body, bool Delivered)?> FindAsync(string eventId)
    {
        var v = await _db.HashGetAsync(keys.EventRecord(eventId), ["url", "body", "delivered"]);
        if (!v[2].IsNull)
            return ("", "", true);
        return v[0].IsNull || v[1].IsNull ? null : ((string)v[0]!, (string)v[1]!, false);
    }

    private static readonly string MarkDelivered = RedisScripts.FailClosed("""
        #!lua
        if redis.call('EXISTS', KEYS[1]) == 1 then
          redis.call('HSET', KEYS[1], 'delivered', '1')
          redis.call('HDEL', KEYS[1], 'body')
          return redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return 0
        """, nameof(MarkDelivered));

    // A delivered event is kept only an hour more, long enough for a duplicate job to see that it
    // was delivered; written only while the record exists, so no key is left without a TTL.
    public Task MarkDeliveredAsync(string eventId) =>
        _db.ScriptEvaluateAsync(MarkDelivered, [keys.EventRecord(eventId)], [3_600_000]);

    private static OutboxEntry Parse(string raw) => raw.StartsWith(ExpiryPrefix, StringComparison.Ordinal)
        ? new OutboxEntry(raw, OutboxEntryKind.ExpiryCheck, raw[ExpiryPrefix.Length..])
        : new OutboxEntry(raw, OutboxEntryKind.Delivery, raw[DeliverPrefix.Length..]);
}

public enum OutboxEntryKind
{
    Delivery,
    ExpiryCheck,
}

// Id is an event id for a delivery and a session id for an expiry check.
public sealed record OutboxEntry(string Raw, OutboxEntryKind Kind, string Id);
