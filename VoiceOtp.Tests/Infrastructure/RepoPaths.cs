namespace VoiceOtp.Tests.Infrastructure;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string RedisConf => Path.Combine(Root, "redis.conf");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VoiceOtp.sln")))
                return dir.FullName;
        throw new InvalidOperationException("VoiceOtp.sln not found above the test directory");
    }
}
