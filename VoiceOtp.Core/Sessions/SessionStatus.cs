using VoiceOtp.Core.Calls;

namespace VoiceOtp.Core.Sessions;

// What GET /sessions/{id} shows: never the code, never the full number.
public sealed record SessionStatus(
    string SessionId,
    SessionState State,
    string MaskedNumber,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? EndedAt,
    int AttemptsUsed,
    int AttemptsLeft,
    IReadOnlyList<CallStatus> Calls);

// EstimatedCost is what SpendRecorder priced the call at from its BillDuration, once it ended.
public sealed record CallStatus(int Number, CallState State, string? HangupCause, int? Duration, int? BillDuration,
    decimal? EstimatedCost = null, string? Uncertain = null);
