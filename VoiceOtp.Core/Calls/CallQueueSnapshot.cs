namespace VoiceOtp.Core.Calls;

// What the dashboard's Calls page shows (CallQueue.SnapshotAsync).
// Where: ready (due), waiting (ready, due later: a retry's delay or a backoff), claimed, posting,
// uncertain; At: when it is due, or when its lease or evidence window ends. Record: what its call
// hash says (null before its first claim); NotSent: requests that surely never reached Plivo;
// MaskedNumber comes from the session's status record (the queue knows only the number's id).
public sealed record QueuedCall(CallRef Call, string MaskedNumber, string Where, DateTimeOffset At, bool FirstCall, CallState? Record, int NotSent);

public sealed record CallQueueSnapshot(long Ready, long InFlight, long Uncertain, long Stopping, IReadOnlyList<QueuedCall> Calls);
