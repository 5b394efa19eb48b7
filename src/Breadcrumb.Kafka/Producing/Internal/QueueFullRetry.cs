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
    // Room appears continuously as delivery reports are served, so a short constant wait: a backoff would sleep
    // through the moment the queue drains and cost throughput.
    internal static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(1);

    public static ResiliencePipeline Create(TimeSpan timeout, TimeProvider timeProvider) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<KafkaException>(IsQueueFull),
                BackoffType = DelayBackoffType.Constant,
                Delay = Delay,
                UseJitter = false,

                // Delays are fixed, so a number of attempts bounds the total wait; no timeout strategy is needed, and
                // the bound holds on any TimeProvider.
                MaxRetryAttempts = RetriesWithin(timeout),
            })
            .Build();

    public static bool IsQueueFull(KafkaException exception) => exception.Error.Code == ErrorCode.Local_QueueFull;

    /// <summary>Counts the retries whose 1 ms waits fit in <paramref name="timeout"/>; at least one.</summary>
    public static int RetriesWithin(TimeSpan timeout) => (int)Math.Clamp(timeout.Ticks / Delay.Ticks, 1, int.MaxValue);

    /// <summary>Describes the queue-full error once the retries are used up.</summary>
    public static Error StayedFull(TimeSpan timeout) =>
        new(ErrorCode.Local_QueueFull, $"the local producer queue stayed full for {timeout}");
}
