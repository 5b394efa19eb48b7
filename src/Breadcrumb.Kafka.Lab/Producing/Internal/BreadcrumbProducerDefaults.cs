namespace Breadcrumb.Kafka.Lab;

/// <summary>Holds the documented defaults of <see cref="BreadcrumbProducerOptions"/> and of the Confluent client.</summary>
internal static class BreadcrumbProducerDefaults
{
    public const string Name = "producer0";

    public const int MaxNameLength = 100;

    // LabPreset: the lab sends one record at a time and waits to hear it was delivered: nothing else is queued to batch with,
    // so linger is pure delay. librdkafka's 5 ms default makes that loop ~150 msg/s, 1 ms ~600, 0 ms ~4,000 on the
    // embedded broker. Under load batches still form behind the requests in flight, so pipelined throughput stays at
    // the raw client's level (docs/benchmarks.md).
    public static readonly TimeSpan LabLinger = TimeSpan.Zero;

    // Only what DeliveryReport carries: the key (a reference kept by the client, no copy) and the timestamp.
    // Headers cost an allocation per report, value would keep every payload alive until delivery, status a native call.
    public const string DeliveryReportFields = "key,timestamp";

    public static readonly TimeSpan QueueFullTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan DisposeFlushTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MaxPacing = TimeSpan.FromHours(1);
}
