using System.Security.Cryptography;
using VoiceOtp.Core.Codes;

namespace VoiceOtp.Tests.Codes;

public sealed class CodeHasherTests
{
    private readonly CodeKeys _keys = new(RandomNumberGenerator.GetBytes(32));

    [Test]
    public void Hash_IsStable_ForTheSameNumberAndCode()
    {
        var code = OtpCodeGenerator.Generate(6);

        Assert.That(new CodeHasher(_keys).Hash("+447700900001", code), Is.EqualTo(new CodeHasher(_keys).Hash("+447700900001", code)));
    }

    [Test]
    public void Hash_Differs_ForAnotherNumberCodeOrKey()
    {
        var hasher = new CodeHasher(_keys);
        OtpCode.TryParse("123456", out var code);
        OtpCode.TryParse("123457", out var other);
        var digest = hasher.Hash("+447700900001", code);

        Assert.That(hasher.Hash("+447700900002", code), Is.Not.EqualTo(digest));
        Assert.That(hasher.Hash("+447700900001", other), Is.Not.EqualTo(digest));
        Assert.That(new CodeHasher(new CodeKeys(RandomNumberGenerator.GetBytes(32))).Hash("+447700900001", code), Is.Not.EqualTo(digest));
        Assert.That(digest, Does.Not.Contain("123456"));
    }

    [Test]
    public void CodeKeys_RefuseAShortMasterKey() =>
        Assert.That(() => new CodeKeys(new byte[31]), Throws.ArgumentException);
}
