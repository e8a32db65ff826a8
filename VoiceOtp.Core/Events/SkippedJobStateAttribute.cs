using Hangfire.Common;
using Hangfire.States;

namespace VoiceOtp.Core.Events;

// Ends a job that threw JobSkippedException as Deleted, with the exception's message as the reason.
// The jobs' retry attributes list their retried exceptions with OnlyOn, so a skip is never retried
// whichever filter elects first.
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SkippedJobStateAttribute : JobFilterAttribute, IElectStateFilter
{
    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is FailedState { Exception: JobSkippedException skipped })
            context.CandidateState = new DeletedState { Reason = "Skipped: " + skipped.Message };
    }
}
