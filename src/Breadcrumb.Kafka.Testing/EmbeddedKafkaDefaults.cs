namespace Breadcrumb.Kafka.Testing;

/// <summary>The embedded broker's defaults and the mock cluster's fixed limits, measured on librdkafka 2.16.</summary>
internal static class EmbeddedKafkaDefaults
{
    public const int BrokerCount = 1;

    /// <summary>Partitions of a topic the mock creates on first use.</summary>
    public const int AutoCreatedPartitions = 4;

    /// <summary>Bytes of record batches one mock partition keeps before it silently drops the oldest.</summary>
    public const long RetainedBytesPerPartition = 5L * 1024 * 1024;

    /// <summary>Messages one mock partition keeps before it silently drops the oldest.</summary>
    public const long RetainedMessagesPerPartition = 100_000;

    public const int GroupHeartbeatIntervalMs = 100;

    public const int InitialRebalanceDelayMs = 200;

    public static readonly TimeSpan GroupSessionTimeout = TimeSpan.FromSeconds(3);
}
