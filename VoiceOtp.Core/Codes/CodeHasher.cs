using System.Text;

namespace VoiceOtp.Core.Codes;

// Redis keeps only this keyed digest of the code. It is bound to the phone number so that a digest
// copied into another number's session does not match there.
public sealed class CodeHasher(CodeKeys keys)
{
    public string Hash(string e164, OtpCode code)
    {
        var message = Encoding.UTF8.GetBytes(e164 + "\n" + code.Reveal());
        return Convert.ToBase64String(keys.CodeMac.Of(message));
    }
}
