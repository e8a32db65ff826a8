using Hangfire;
using Hangfire.Common;
using StackExchange.Redis;
using VoiceOtp.Core.Events;

namespace VoiceOtp.Web.Hosting;

// Gives DeliverEventJob its retry policy from configuration (VoiceOtp:CallbackRetryDelaysSeconds),
// which an attribute cannot read. Method scope, so it replaces Hangfire's global default retry
// for that job only. Only a receiver that failed (and Redis trouble) is retried, after each delay;
// every other outcome (see DeliverEventJob) fails, or ends skipped, at once.
public sealed class DeliveryRetryPolicy(int[] delaysSeconds) : IJobFilterProvider
{
    private readonly JobFilter[] _filters =
    [
        new(new AutomaticRetryAttribute
        {
            Attempts = delaysSeconds.Length,
            DelaysInSeconds = delaysSeconds,
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
            OnlyOn = [typeof(CallbackDeliveryException), typeof(RedisException), typeof(RedisTimeoutException)],
        }, JobFilterScope.Method, null),
    ];

    public IEnumerable<JobFilter> GetFilters(Job job) =>
        job?.Type == typeof(DeliverEventJob) ? _filters : [];
}
