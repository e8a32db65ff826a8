namespace VoiceOtp.Web.Hosting;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    public int WorkerCount { get; set; } = 4;

    // How often scheduled calls (retries of unanswered calls) are moved to the queue; tests shorten it.
    public int SchedulePollingIntervalMs { get; set; } = 5000;

    public int FailedJobRetentionDays { get; set; } = 7;
}
