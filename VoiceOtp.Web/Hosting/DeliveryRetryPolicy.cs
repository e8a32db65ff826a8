using Hangfire;
using Hangfire.Common;
using VoiceOtp.Core.Events;

namespace VoiceOtp.Web.Hosting;

// Gives DeliverEventJob its retry policy from configuration (VoiceOtp:CallbackRetryDelaysSeconds),
// which an attribute cannot read. Method scope, so it replaces Hangfire's global default retry
// for that job only: a failed delivery is retried after each delay, a refused URL fails at once.
public sealed class DeliveryRetryPolicy(int[] delaysSeconds) : IJobFilterProvider
{
    private readonly JobFilter[] _filters =
    [
        new(new AutomaticRetryAttribute
        {
            Attempts = delaysSeconds.Length,
            DelaysInSeconds = delaysSeconds,
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
            ExceptOn = [typeof(CallbackRefusedException)],
        }, JobFilterScope.Method, null),
    ];

    public IEnumerable<JobFilter> GetFilters(Job job) =>
        job?.Type == typeof(DeliverEventJob) ? _filters : [];
}
