using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Configures a <see cref="BreadcrumbProducer"/>. Validated when the producer is created.</summary>
/// <remarks>The producer copies what it needs at creation; changing the options afterwards has no effect on it.</remarks>
public sealed class BreadcrumbProducerOptions
{
    /// <summary>Gets or sets the topic to send to. Required.</summary>
    public string Topic { get; set; } = string.Empty;

    /// <summary>Gets or sets the producer's name: the librdkafka <c>client.id</c>, the key of <see cref="KeyStrategy.ProducerName"/>, and the name in reports.</summary>
    /// <value>The default is <c>producer0</c>. 1 to 100 characters.</value>
    public string Name { get; set; } = BreadcrumbProducerDefaults.Name;

    /// <summary>Gets or sets how each record's key is chosen.</summary>
    /// <value>The default is <see cref="KeyStrategy.None"/>.</value>
    public KeyStrategy KeyStrategy { get; set; } = KeyStrategy.None;

    /// <summary>Gets or sets an explicit partition choice (the lab's partition = key trick); <see langword="null"/> lets Kafka's partitioner hash the key.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public ExplicitPartition? Partition { get; set; }

    /// <summary>Gets or sets when <see cref="BreadcrumbProducer.ProduceAllAsync(IAsyncEnumerable{BreadcrumbRecord}, CancellationToken)"/> flushes, and whether dispose flushes.</summary>
    /// <value>The default is <see cref="FlushPolicy.AtEnd"/>.</value>
    public FlushPolicy FlushPolicy { get; set; } = FlushPolicy.AtEnd;

    /// <summary>Gets or sets the pause after each send of a run (the lab's 250 ms in section E).</summary>
    /// <value>The default is zero. From zero to one hour.</value>
    public TimeSpan DelayAfterEachSend { get; set; }

    /// <summary>Gets or sets an extra pause after every n-th send of a run (the lab's 2 s after every 5th record in section G).</summary>
    /// <value>The default is <see langword="null"/> (no pause).</value>
    public PauseRule? Pause { get; set; }

    /// <summary>Gets or sets a callback for each sent record's delivery report, delivered or failed.</summary>
    /// <value>The default is <see langword="null"/> (reports only counted in summaries).</value>
    /// <remarks>
    /// <para>Called directly, in order, on a librdkafka client thread: the producer's background poll thread, or the
    /// thread running a flush (no <see cref="IProgress{T}"/> adapter needed, and no posting to a synchronization context).
    /// Two reports can be raised at the same time, so the callback must be thread-safe and quick; it must not call
    /// <see cref="BreadcrumbProducer.FlushAsync"/> and wait for it. To await work per record, use
    /// <see cref="BreadcrumbProducer.SendAsync"/> instead.</para>
    /// <para>Reports of one partition are raised in offset order by each thread; across partitions there is no order.
    /// An exception from the callback is caught and rethrown by the next flush.</para>
    /// </remarks>
    public Action<DeliveryReport<string?>>? OnDelivery { get; set; }

    /// <summary>Gets or sets librdkafka's <c>linger.ms</c>: how long a record may wait for others to batch with.</summary>
    /// <value>The default is <see langword="null"/>: librdkafka's own (5 ms). <see cref="LabPreset"/> sets zero: the lab sends one
    /// record at a time and waits to hear it was delivered, so linger is pure delay there (~150 msg/s at 5 ms, ~4,000 at 0 on
    /// the embedded broker). The connection's properties and <see cref="ConfigureClient"/> still have the last word.</value>
    public TimeSpan? Linger { get; set; }

    /// <summary>Gets or sets where librdkafka's statistics go, parsed, every <c>statistics.interval.ms</c> (1 s unless the client configuration sets it).</summary>
    /// <value>Default <see langword="null"/>: statistics off. Reports arrive on a librdkafka thread; a throwing listener misses that report only.</value>
    public IProgress<KafkaStatistics>? Statistics { get; set; }

    /// <summary>Gets or sets the clock for pacing, pauses, flush timing and queue-full retries.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets how long a send waits for room when librdkafka's local queue is full, before it fails with <see cref="ErrorCode.Local_QueueFull"/>.</summary>
    /// <value>The default is 30 seconds. From 1 ms to 1 hour.</value>
    public TimeSpan QueueFullTimeout { get; set; } = BreadcrumbProducerDefaults.QueueFullTimeout;

    /// <summary>Gets or sets how long dispose waits for outstanding records to be delivered before purging them (reported as failed).</summary>
    /// <value>The default is 30 seconds. From zero to 1 hour. Ignored with <see cref="FlushPolicy.Never"/>, which purges at once.</value>
    public TimeSpan DisposeFlushTimeout { get; set; } = BreadcrumbProducerDefaults.DisposeFlushTimeout;

    /// <summary>
    /// Gets or sets a last say on the Confluent <see cref="ProducerConfig"/>: any librdkafka or Confluent property,
    /// applied after the defaults and the connection's properties.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    /// <remarks>
    /// Defaults set before it: <c>enable.idempotence=true</c>, <c>acks=all</c>, <c>linger.ms=0</c>,
    /// <c>dotnet.producer.delivery.report.fields=key,timestamp</c>. Delivery reports cannot be turned off.
    /// </remarks>
    public Action<ProducerConfig>? ConfigureClient { get; set; }
}
