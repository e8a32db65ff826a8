namespace VoiceOtp.Web.Hosting;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    public int WorkerCount { get; set; } = 4;

    // How often Hangfire moves scheduled jobs to their queue (calls do not use Hangfire; see CallQueue).
    public int SchedulePollingIntervalMs { get; set; } = 5000;

    // Idle workers wait for Hangfire's pub/sub notice of a new job, but look at the queue at least
    // this often: a notice published while a worker is between its look and its wait, or while the
    // subscription reconnects, is lost, and Hangfire's own fallback is 3 minutes.
    public int FetchTimeoutMs { get; set; } = 1000;

    public int FailedJobRetentionDays { get; set; } = 7;

    // Hangfire keeps succeeded jobs 24 h by default; in a Redis that never evicts, 1 h is enough
    // for the dashboard.
    public int SucceededJobRetentionSeconds { get; set; } = 3600;
}
