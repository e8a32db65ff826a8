namespace VoiceOtp.Core.Plivo;

public static class SpeakVoice
{
    // Plivo accepts its two classic voices or an Amazon Polly voice written Polly.<Name>;
    // SSML such as say-as is honoured only by the Polly ones.
    public static bool IsValid(string? voice) =>
        voice is "WOMAN" or "MAN" || IsPolly(voice);

    public static bool IsPolly(string? voice) =>
        voice is not null && voice.StartsWith("Polly.", StringComparison.Ordinal) && voice.Length > 6
        && voice.AsSpan(6).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-") < 0;
}
