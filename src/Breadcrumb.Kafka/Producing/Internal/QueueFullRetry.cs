using Confluent.Kafka;
using Polly;
using Polly.Retry;

namespace Breadcrumb.Kafka.Producing;

/// <summary>
/// Builds the one resilience pipeline the producer needs: retry <c>Produce</c> while librdkafka's local queue is
/// full (<see cref="ErrorCode.Local_QueueFull"/>), which librdkafka reports at once and never retries itself,
/// until room appears or about <c>timeout</c> has passed. Everything else (broker errors, request timeouts)
/// librdkafka already retries until <c>message.timeout.ms</c>.
/// </summary>
internal static class QueueFullRetry
{
    // Room appears as soon as delivery reports are served (every few ms); start short and stay short.
    internal static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(1);
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(50);

    public static ResiliencePipeline Create(TimeSpan timeout, TimeProvider timeProvider) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<KafkaException>(IsQueueFull),
                BackoffType = DelayBackoffType.Exponential,
                Delay = FirstDelay,
                MaxDelay = MaxDelay,
                UseJitter = false,

                // Delays are fixed (no jitter), so a number of attempts bounds the total wait; no timeout strategy is
                // needed, and the bound holds on any TimeProvider.
                MaxRetryAttempts = RetriesWithin(timeout),
            })
            .Build();

    public static bool IsQueueFull(KafkaException exception) => exception.Error.Code == ErrorCode.Local_QueueFull;

    /// <summary>Counts the retries whose delays (1, 2, 4 … ms, then 50 ms each) fit in <paramref name="timeout"/>; at least one.</summary>
    public static int RetriesWithin(TimeSpan timeout)
    {
        var waited = TimeSpan.Zero;
        var delay = FirstDelay;
        var retries = 0;
        while (waited + delay <= timeout && retries < int.MaxValue)
        {
            waited += delay;
            retries++;
            delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
        }

        return Math.Max(1, retries);
    }

    /// <summary>Describes the queue-full error once the retries are used up.</summary>
    public static Error StayedFull(TimeSpan timeout) =>
        new(ErrorCode.Local_QueueFull, $"the local producer queue stayed full for {timeout}");
}
