using VoiceOtp.Core.Phones;
using VoiceOtp.Web.PlivoSimulator;

namespace VoiceOtp.Web.Demo;

// The phone panel's only way to the simulated phone network. Interactive calls (numbers ending in
// 09, or every number with Plivo:SimulatorInteractive=true) wait for the panel's buttons; every
// other call follows its number's script by itself, so the panel shows it with its buttons off.
public sealed class DemoPhone(SimulatedPhone phone, SimulatedPhoneNetwork network)
{
    private const int MaxShown = 10;

    // Newest first, as the panel lists them.
    public IReadOnlyList<DemoPhoneCall> CallsTo(PhoneNumber number) =>
        [.. phone.CallsTo(number.E164).Reverse().Take(MaxShown).Select(DemoPhoneCall.Of)];

    public DemoPhoneCall? Find(string callId) => phone.Find(callId) is { } c ? DemoPhoneCall.Of(c) : null;

    public PhoneResult Answer(string callId) => phone.Answer(callId);

    public PhoneResult Press(string callId, char key) => phone.Press(callId, key);

    public PhoneResult HangUp(string callId) => phone.HangUp(callId);

    public PhoneResult RingOut(string callId) => phone.RingOut(callId);

    // Works for scripted and interactive callees alike: the simulator skips the ringing phone.
    public void RingOutNext(PhoneNumber number) => network.LeaveUnanswered(number.E164, 1);
}

// A call as the panel shows it, with the buttons a person has at this moment: Answer and Ring out
// while it rings, the keypad while the call waits for a key, Hang up until it has ended.
public sealed record DemoPhoneCall(PhoneCallView View)
{
    public static DemoPhoneCall Of(PhoneCallView view) => new(view);

    public string Status => View.Outcome ?? View.State;

    public bool Ringing => View.Interactive && View.State == "ringing";

    public bool CanPress => View.Interactive && View.State == "in-progress" && View.AwaitingKey;

    public bool CanHangUp => View.Interactive && View.State != "ended";

    public object ToJson() => new
    {
        call_id = View.CallId, status = Status, label = DemoMessages.PhoneLabel(Status, View.AwaitingKey),
        interactive = View.Interactive, awaiting_key = View.AwaitingKey,
        heard = View.Heard.Length > 0 ? View.Heard : null, keys = View.Keys, created_at = View.CreatedAt,
        can = new { answer = Ringing, ring_out = Ringing, press = CanPress, hang_up = CanHangUp },
    };
}
