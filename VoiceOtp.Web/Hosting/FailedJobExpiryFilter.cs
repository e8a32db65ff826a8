using Hangfire.States;
using Hangfire.Storage;

namespace VoiceOtp.Web.Hosting;

// Hangfire keeps failed jobs until someone deletes them, and our Redis never evicts; a client that
// keeps dispatching to a number Plivo refuses would grow it without bound. Failed jobs therefore
// expire like succeeded ones, only later, so admins still see them on the dashboard for a while.
public sealed class FailedJobExpiryFilter(TimeSpan keepFor) : IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (context.NewState is FailedState)
            transaction.ExpireJob(context.BackgroundJob.Id, keepFor);
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        // Requeued from the dashboard: the job is live again.
        if (context.OldStateName == FailedState.StateName)
            transaction.PersistJob(context.BackgroundJob.Id);
    }
}
