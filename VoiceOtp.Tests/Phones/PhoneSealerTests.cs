using System.Security.Cryptography;
using VoiceOtp.Core.Codes;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Redis;

namespace VoiceOtp.Tests.Phones;

public sealed class PhoneSealerTests
{
    private readonly CodeKeys _keys = new(RandomNumberGenerator.GetBytes(32));

    private static PhoneNumber Number()
    {
        PhoneNumber.TryParse("+442079460123", out var phone);
        return phone!;
    }

    [Test]
    public void Unseal_ReturnsTheNumber_ForTheSameSession_AndTheSealHoldsNoDigitsOfIt()
    {
        var sealer = new PhoneSealer(_keys);

        var sealedNumber = sealer.Seal("session-a", Number());

        Assert.That(sealer.TryUnseal("session-a", sealedNumber, out var opened), Is.True);
        Assert.That(opened, Is.EqualTo(Number()));
        Assert.That(sealedNumber, Does.Not.Contain("2079460123"));
        Assert.That(sealer.Seal("session-a", Number()), Is.Not.EqualTo(sealedNumber), "a fresh nonce each time");
    }

    [Test]
    public void Unseal_Fails_ForAnotherSession_AnotherKey_OrDamagedText()
    {
        var sealedNumber = new PhoneSealer(_keys).Seal("session-a", Number());

        Assert.That(new PhoneSealer(_keys).TryUnseal("session-b", sealedNumber, out _), Is.False);
        Assert.That(new PhoneSealer(new CodeKeys(RandomNumberGenerator.GetBytes(32))).TryUnseal("session-a", sealedNumber, out _), Is.False);
        Assert.That(new PhoneSealer(_keys).TryUnseal("session-a", "not base64!", out _), Is.False);
        Assert.That(new PhoneSealer(_keys).TryUnseal("session-a", null, out _), Is.False);
    }

    [Test]
    public void PhoneId_IsStablePerKey_32HexDigits_AndNotTheNumber()
    {
        var id = new RedisKeys("p:", _keys).PhoneId(Number());

        Assert.That(id.Value, Does.Match("^[0-9a-f]{32}$"));
        Assert.That(new RedisKeys("other:", _keys).PhoneId(Number()), Is.EqualTo(id), "the prefix does not change it");
        Assert.That(new RedisKeys("p:", new CodeKeys(RandomNumberGenerator.GetBytes(32))).PhoneId(Number()), Is.Not.EqualTo(id),
            "keyed: without the code key nobody can compute it from a number");
        Assert.That(new RedisKeys("p:", _keys).Session(Number()), Is.EqualTo("p:session:" + id.Value));
    }

    // The id is remembered on the number object, so a second key set asking about the same object
    // must still get its own id, and asking again must give the same answer.
    [Test]
    public void PhoneId_IsComputedForEachKeySet_WhenOneNumberObjectIsShared()
    {
        var phone = Number();
        var other = new CodeKeys(RandomNumberGenerator.GetBytes(32));

        var first = new RedisKeys("p:", _keys).PhoneId(phone);
        var second = new RedisKeys("p:", other).PhoneId(phone);

        Assert.That(second, Is.Not.EqualTo(first));
        Assert.That(second, Is.EqualTo(new RedisKeys("p:", other).PhoneId(Number())));
        Assert.That(new RedisKeys("p:", _keys).PhoneId(phone), Is.EqualTo(first));
    }
}
