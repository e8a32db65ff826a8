using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Tests.Calls;

public sealed class CallTokenTests
{
    private static readonly CallRef Call = new(new PhoneId("0123456789abcdef0123456789abcdef"), SessionId.New(), 3);

    [Test]
    public void Token_NamesItsCall_AndIsFreshEachTime()
    {
        var first = CallToken.For(Call);
        var second = CallToken.For(Call);

        Assert.That(first, Has.Length.EqualTo(CallToken.Length));
        Assert.That(CallToken.TryRead(first, out var read), Is.True);
        Assert.That(read, Is.EqualTo(Call));
        Assert.That(second, Is.Not.EqualTo(first), "128 random bits differ per placement");
        Assert.That(CallToken.Digest(second), Is.Not.EqualTo(CallToken.Digest(first)));
    }

    [TestCase("")]
    [TestCase("..%2F..%2Fetc")]
    [TestCase("short")]
    public void TryRead_RefusesMalformedTokens(string token)
    {
        Assert.That(CallToken.TryRead(token, out var call), Is.False);
        Assert.That(call, Is.Null);
    }

    [Test]
    public void TryRead_RefusesATokenNamingCallZero()
    {
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(CallToken.For(Call));
        bytes[16] = 0;

        Assert.That(CallToken.TryRead(System.Buffers.Text.Base64Url.EncodeToString(bytes), out _), Is.False);
    }

    [Test]
    public void For_RefusesACallItCannotName()
    {
        Assert.Throws<ArgumentException>(() => CallToken.For(Call with { SessionId = "not-a-uuid" }));
        Assert.Throws<ArgumentException>(() => CallToken.For(Call with { CallNumber = 0 }));
    }
}
