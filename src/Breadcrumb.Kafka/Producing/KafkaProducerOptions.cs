using Breadcrumb.Kafka.Flushing;
using Breadcrumb.Kafka.Serialization;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Producing;

/// <summary>Configures a <see cref="KafkaProducer{TKey, TValue}"/>: topic, serializers, delivery callback and client settings.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <remarks>Client settings are Kafka's defaults (librdkafka's <c>linger.ms</c>, <c>acks=all</c>, idempotence on);
/// change them in <see cref="ConfigureClient"/>. The options are validated when the producer is created.</remarks>
public sealed class KafkaProducerOptions<TKey, TValue>
{
    /// <summary>Gets or sets the topic records are sent to.</summary>
    /// <value>Required; no default.</value>
    public string Topic { get; set; } = string.Empty;

    /// <summary>Gets or sets the producer's name: its <c>client.id</c>, shown in delivery reports, logs and errors.</summary>
    /// <value><c>producer</c>.</value>
    public string Name { get; set; } = ProducerDefaults.Name;

    /// <summary>Gets or sets how keys are written.</summary>
    /// <value><see langword="null"/>: the built-in serde for strings (UTF-8), byte arrays and Confluent's numeric types.</value>
    public KafkaSerde<TKey>? KeySerializer { get; set; }

    /// <summary>Gets or sets how values are written, for example <c>KafkaSerdes.Json(OrderJsonContext.Default.Order)</c>.</summary>
    /// <value><see langword="null"/>: required unless <typeparamref name="TValue"/> is a string or byte array.</value>
    public KafkaSerde<TValue>? ValueSerializer { get; set; }

    /// <summary>Gets or sets a callback for each record's delivery report.</summary>
    /// <value><see langword="null"/>.</value>
    /// <remarks>Called in order on librdkafka's delivery thread: keep it short and thread-safe; to await per record, use
    /// <see cref="KafkaProducer{TKey, TValue}.SendAsync(TKey, TValue, Headers?, CancellationToken)"/> instead. An exception
    /// it throws is kept and rethrown by the next <see cref="KafkaProducer{TKey, TValue}.FlushAsync"/>.</remarks>
    public Action<DeliveryReport<TKey>>? OnDelivery { get; set; }

    /// <summary>Gets or sets an asynchronous callback for each record's delivery report (write it to a database, post it on).</summary>
    /// <value><see langword="null"/>.</value>
    /// <remarks>Reports are queued off librdkafka's thread and awaited one at a time, in the order they arrived;
    /// <see cref="KafkaProducer{TKey, TValue}.FlushAsync"/> completes only after every callback for the records sent so
    /// far has finished, and dispose waits for them (the token passed is never cancelled). An exception is kept and
    /// rethrown by the next flush.</remarks>
    public Func<DeliveryReport<TKey>, CancellationToken, ValueTask>? OnDeliveryAsync { get; set; }

    /// <summary>Gets or sets whether dispose flushes: anything but <see cref="FlushPolicy.Never"/> flushes; <c>Never</c> discards what is queued.</summary>
    /// <value><see cref="FlushPolicy.AtEnd"/>.</value>
    public FlushPolicy FlushPolicy { get; set; } = FlushPolicy.AtEnd;

    /// <summary>Gets or sets the transactional id; set it to use the producer's transaction methods.</summary>
    /// <value><see langword="null"/>: not transactional.</value>
    public string? TransactionalId { get; set; }

    /// <summary>Gets or sets the clock used to wait for room in a full queue.</summary>
    /// <value><see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets how long a send waits for room when librdkafka's local queue is full.</summary>
    /// <value>30 seconds; from 1 ms to 1 hour.</value>
    public TimeSpan QueueFullTimeout { get; set; } = ProducerDefaults.QueueFullTimeout;

    /// <summary>Gets or sets how long dispose waits for queued records to be delivered.</summary>
    /// <value>30 seconds; from zero to 1 hour.</value>
    public TimeSpan DisposeFlushTimeout { get; set; } = ProducerDefaults.DisposeFlushTimeout;

    /// <summary>Gets or sets a hook that changes librdkafka settings after the connection's are applied.</summary>
    /// <value><see langword="null"/>.</value>
    public Action<ProducerConfig>? ConfigureClient { get; set; }

    /// <summary>Gets or sets the name used in option errors (a specialization's options type).</summary>
    internal string OptionsName { get; set; } = "KafkaProducerOptions";

    /// <summary>Gets or sets the logger category.</summary>
    internal string LoggerCategory { get; set; } = "Breadcrumb.Kafka.Producing.KafkaProducer";

    /// <summary>Gets or sets a hook on the Confluent builder (statistics).</summary>
    internal Action<ProducerBuilder<byte[], byte[]>, ProducerConfig>? ConfigureBuilder { get; set; }

    /// <summary>Gets or sets librdkafka settings applied before the connection's (a specialization's defaults).</summary>
    internal IReadOnlyDictionary<string, string>? ClientDefaults { get; set; }
}
