using Hangfire.States;
using Hangfire.Storage;

namespace VoiceOtp.Web.Hosting;

// Hangfire expires succeeded jobs after a day by default; our Redis never evicts, so they keep only
// the configured retention (Jobs:SucceededJobRetentionSeconds), enough for the dashboard.
public sealed class SucceededJobRetentionFilter(TimeSpan keepFor) : IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (context.NewState is SucceededState or DeletedState)
            context.JobExpirationTimeout = keepFor;
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
