using System.Security.Cryptography;
using VoiceOtp.Core.Codes;

namespace VoiceOtp.Tests.Codes;

public sealed class CodeSealerTests
{
    private readonly CodeKeys _keys = new(RandomNumberGenerator.GetBytes(32));

    [Test]
    public void Unseal_ReturnsTheSealedCode_ForTheSameSession()
    {
        var sealer = new CodeSealer(_keys);
        var code = OtpCodeGenerator.Generate(6);

        var sealedCode = sealer.Seal("session-a", code);

        Assert.That(sealer.TryUnseal("session-a", sealedCode, out var opened), Is.True);
        Assert.That(opened, Is.EqualTo(code));
        Assert.That(sealedCode, Does.Not.Contain(code.Reveal()));
    }

    [Test]
    public void Unseal_Fails_ForAnotherSession()
    {
        var sealer = new CodeSealer(_keys);

        var sealedCode = sealer.Seal("session-a", OtpCodeGenerator.Generate(6));

        Assert.That(sealer.TryUnseal("session-b", sealedCode, out _), Is.False);
    }

    [Test]
    public void Unseal_Fails_WhenTamperedOrWithAnotherKey()
    {
        var sealedCode = new CodeSealer(_keys).Seal("s", OtpCodeGenerator.Generate(6));
        var bytes = Convert.FromBase64String(sealedCode);
        bytes[^1] ^= 1;

        Assert.That(new CodeSealer(_keys).TryUnseal("s", Convert.ToBase64String(bytes), out _), Is.False);
        Assert.That(new CodeSealer(new CodeKeys(RandomNumberGenerator.GetBytes(32))).TryUnseal("s", sealedCode, out _), Is.False);
        Assert.That(new CodeSealer(_keys).TryUnseal("s", "not base64!", out _), Is.False);
    }

    [Test]
    public void Seal_UsesAFreshNonceEveryTime()
    {
        var sealer = new CodeSealer(_keys);
        var code = OtpCodeGenerator.Generate(6);

        Assert.That(sealer.Seal("s", code), Is.Not.EqualTo(sealer.Seal("s", code)));
    }
}
