using VoiceOtp.Core.Phones;
using VoiceOtp.Web.PlivoSimulator;

namespace VoiceOtp.Web.Demo;

// The phone panel's only way to the simulated phone network, so that its buttons can be moved to an
// interactive simulator by changing this class alone. Today's simulator answers each call itself as
// soon as it is placed and hangs up after the XML is read; a person can therefore only decide before
// a call that it will ring out. Answer, Press, HangUp and RingOut on a live call say so instead of
// pretending.
public sealed class DemoPhone(SimulatedPhoneNetwork network)
{
    private const int MaxShown = 10;

    public static bool CanAnswer => false;
    public static bool CanPress => false;
    public static bool CanHangUp => false;
    public static bool CanRingOut => false;
    public static bool CanRingOutNext => true;

    public IReadOnlyList<DemoPhoneCall> CallsTo(PhoneNumber phone) =>
        network.Calls.Where(c => c.To == phone.E164).Reverse().Take(MaxShown)
            .Select(c => new DemoPhoneCall(c.CallUuid, c.Status, c.Heard, c.CreatedAt)).ToList();

    public DemoPhoneAction Answer(string callId) => NotYet(callId, "answers every call by itself");

    public DemoPhoneAction Press(string callId, char digit) => NotYet(callId, "does not listen for keys");

    public DemoPhoneAction HangUp(string callId) => NotYet(callId, "hangs up by itself once the message is read");

    public DemoPhoneAction RingOut(string callId) => NotYet(callId, "answers every call by itself; use \"let the next call ring out\"");

    public DemoPhoneAction RingOutNext(PhoneNumber phone)
    {
        network.LeaveUnanswered(phone.E164, 1);
        return new DemoPhoneAction(true, "The next call to this phone will ring out unanswered.");
    }

    private DemoPhoneAction NotYet(string callId, string why) =>
        network.Calls.Any(c => c.CallUuid == callId)
            ? new DemoPhoneAction(false, $"This simulator {why}.")
            : new DemoPhoneAction(false, "No such call.");
}

public sealed record DemoPhoneCall(string Id, string Status, string? Heard, DateTimeOffset CreatedAt);

public sealed record DemoPhoneAction(bool Done, string Message);
