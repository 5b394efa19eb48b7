using Confluent.Kafka;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Breadcrumb.Kafka.Producing;

/// <summary>
/// Waits for room in librdkafka's local queue (<see cref="ErrorCode.Local_QueueFull"/>) and only for that, for at most
/// a time: Polly's timeout around a constant-delay retry.
/// </summary>
internal static class QueueFullRetry
{
    // Room appears continuously as delivery reports are served, so a short constant wait: a backoff would sleep
    // through the moment the queue drains and cost throughput.
    internal static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(1);

    /// <summary>Creates the pipeline: retries while the queue is full until <paramref name="timeout"/> has passed on <paramref name="timeProvider"/>.</summary>
    /// <remarks>
    /// Bounded by time, not by a number of attempts: a 1 ms delay often lasts 1–15 ms on a real timer, so a count
    /// made from the timeout would wait many times longer than asked (issue 20).
    /// </remarks>
    public static ResiliencePipeline Create(TimeSpan timeout, TimeProvider timeProvider) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = timeout })
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<KafkaException>(IsQueueFull),
                BackoffType = DelayBackoffType.Constant,
                Delay = Delay,
                UseJitter = false,
                MaxRetryAttempts = int.MaxValue,
            })
            .Build();

    public static bool IsQueueFull(KafkaException exception) => exception.Error.Code == ErrorCode.Local_QueueFull;

    public static Error StayedFull(TimeSpan timeout) =>
        new(ErrorCode.Local_QueueFull, $"the local producer queue stayed full for {timeout}");
}
