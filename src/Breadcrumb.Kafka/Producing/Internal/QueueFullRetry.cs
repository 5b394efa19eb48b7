using Confluent.Kafka;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Breadcrumb.Kafka.Producing;

/// <summary>
/// Builds the one resilience pipeline the producer needs: retry <c>Produce</c> while librdkafka's local queue is
/// full (<see cref="ErrorCode.Local_QueueFull"/>), which librdkafka reports at once and never retries itself,
/// until room appears or the timeout passes. Everything else (broker errors, timeouts) librdkafka already retries.
/// </summary>
internal static class QueueFullRetry
{
    // Room appears as soon as delivery reports are served (every few ms); start short and stay short.
    internal static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(1);
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(50);

    public static ResiliencePipeline Create(TimeSpan timeout, TimeProvider timeProvider) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(timeout)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<KafkaException>(IsQueueFull),
                BackoffType = DelayBackoffType.Exponential,
                Delay = FirstDelay,
                MaxDelay = MaxDelay,
                UseJitter = false,
                MaxRetryAttempts = int.MaxValue,
            })
            .Build();

    public static bool IsQueueFull(KafkaException exception) => exception.Error.Code == ErrorCode.Local_QueueFull;

    /// <summary>Turns the pipeline's timeout into the queue-full error it stands for.</summary>
    public static Error TimedOut(TimeoutRejectedException exception, TimeSpan timeout) =>
        new(ErrorCode.Local_QueueFull, $"the local producer queue stayed full for {timeout} ({exception.Message})");
}
