namespace VoiceOtp.Core.Sessions;

// Wrong codes one number may collect across all its sessions, per sliding hour and day; 0 is no limit.
public sealed record WrongCodeLimits(int PerHour, int PerDay)
{
    public static readonly WrongCodeLimits None = new(0, 0);

    public static WrongCodeLimits From(VoiceOtpOptions o) => new(o.WrongCodesPerNumberPerHour, o.WrongCodesPerNumberPerDay);
}
