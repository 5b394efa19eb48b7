namespace Breadcrumb.Kafka.Producing;

/// <summary>Defaults of <see cref="KafkaProducerOptions{TKey, TValue}"/>.</summary>
internal static class ProducerDefaults
{
    public const string Name = "producer";

    public const int MaxNameLength = 100;

    // Only what DeliveryReport carries: the key (a reference kept by the client, no copy) and the timestamp.
    // Headers cost an allocation per report, value would keep every payload alive until delivery, status a native call.
    public const string DeliveryReportFields = "key,timestamp";

    public static readonly TimeSpan QueueFullTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan DisposeFlushTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan TransactionTimeout = TimeSpan.FromSeconds(30);
}
