namespace Breadcrumb.Kafka.Consuming;

/// <summary>Defaults of <see cref="KafkaConsumerOptions{TKey, TValue}"/>.</summary>
internal static class ConsumerDefaults
{
    public const string Name = "consumer";

    public const int MaxBatchSize = 100;

    public const int MaxMaxBatchSize = 100_000;

    public const int RetryCount = 3;

    public static readonly TimeSpan MaxBatchWait = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one blocking poll waits before the loop looks at cancellation and pause requests again.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
}
