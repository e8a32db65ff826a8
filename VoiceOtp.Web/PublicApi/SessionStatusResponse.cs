using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Web.PublicApi;

// GET /sessions/{id}: the API's status + message, then the session. The session's own state is
// session_status, because "status" is the outcome of the request in every body we send.
public sealed class SessionStatusResponse(SessionStatus s)
{
    public string Status => "success";
    public string Message => "session status";
    public string SessionUuid => s.SessionId;
    public string SessionStatus => s.State.WireName();
    public string DestinationNumberMasked => s.MaskedNumber;
    public DateTimeOffset CreatedAt => s.CreatedAt;
    public DateTimeOffset ExpiresAt => s.ExpiresAt;
    public DateTimeOffset? EndedAt => s.EndedAt;
    public int VerifyAttemptsUsed => s.AttemptsUsed;
    public int VerifyAttemptsLeft => s.AttemptsLeft;
    public IEnumerable<CallView> Calls => s.Calls.Select(c => new CallView(c));

    public sealed class CallView(CallStatus c)
    {
        public int CallNumber => c.Number;
        public string Outcome => c.State.WireName();
        public string? HangupCause => c.HangupCause;
        public int? Duration => c.Duration;
        public int? BillDuration => c.BillDuration;
    }
}
