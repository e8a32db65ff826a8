namespace VoiceOtp.Web.PlivoSimulator;

public sealed partial class SimulatedCallRunner
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Simulated call {RequestUuid} failed: {Error}")]
        public static partial void CallFailed(ILogger logger, string requestUuid, string error);

        [LoggerMessage(2, LogLevel.Warning, "The Plivo simulator is on: no real calls are placed, and every spoken code is "
            + "readable at /simulator/calls by any API key holder. Never run it where real users verify.")]
        public static partial void Running(ILogger logger);
    }
}
