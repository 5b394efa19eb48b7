using Breadcrumb.Kafka.Serialization;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Consuming;

/// <summary>
/// Configures a <see cref="KafkaConsumer{TKey, TValue}"/> and a hosted handler (<c>AddKafkaHandler</c>): topics, group,
/// deserializers, batches, retries and the dead-letter topic.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <remarks>Client settings are Kafka's defaults (<c>auto.offset.reset=latest</c>, <c>read_committed</c>, auto-commit
/// of handled records every 5 s); change them in <see cref="ConfigureClient"/>. Validated when the consumer is created
/// (or, for a hosted handler, when the host starts).</remarks>
public sealed class KafkaConsumerOptions<TKey, TValue>
{
    /// <summary>Gets the topics to subscribe to.</summary>
    /// <value>Empty; at least one is required.</value>
    public IList<string> Topics { get; } = [];

    /// <summary>Gets or sets the consumer group id; members of one group share the partitions.</summary>
    /// <value>Required; no default.</value>
    public string? GroupId { get; set; }

    /// <summary>Gets or sets the consumer's name: its <c>client.id</c>, shown in logs and errors.</summary>
    /// <value><c>consumer</c>.</value>
    public string Name { get; set; } = ConsumerDefaults.Name;

    /// <summary>Gets or sets where a group with no committed offset starts.</summary>
    /// <value><see cref="Confluent.Kafka.AutoOffsetReset.Latest"/> (Kafka's default).</value>
    public AutoOffsetReset AutoOffsetReset { get; set; } = AutoOffsetReset.Latest;

    /// <summary>Gets or sets how keys are read.</summary>
    /// <value><see langword="null"/>: the built-in serde for strings, byte arrays and Confluent's numeric types.</value>
    public KafkaSerde<TKey>? KeyDeserializer { get; set; }

    /// <summary>Gets or sets how values are read, for example <c>KafkaSerdes.Json(OrderJsonContext.Default.Order)</c>.</summary>
    /// <value><see langword="null"/>: required unless <typeparamref name="TValue"/> is a string or byte array.</value>
    public KafkaSerde<TValue>? ValueDeserializer { get; set; }

    /// <summary>Gets or sets the most records handed to a batch handler at once (and fetched per poll for a record handler).</summary>
    /// <value>100; from 1 to 100,000.</value>
    public int MaxBatchSize { get; set; } = ConsumerDefaults.MaxBatchSize;

    /// <summary>Gets or sets how long a batch waits to fill once its first record arrived.</summary>
    /// <value>100 ms; from zero to 1 minute.</value>
    public TimeSpan MaxBatchWait { get; set; } = ConsumerDefaults.MaxBatchWait;

    /// <summary>Gets or sets how many times a hosted handler retries a record (or batch) that threw, before dead-lettering it.</summary>
    /// <value>3; from 0 to 100.</value>
    public int RetryCount { get; set; } = ConsumerDefaults.RetryCount;

    /// <summary>Gets or sets the first retry's delay; later retries double it.</summary>
    /// <value>200 ms; from zero to 10 minutes.</value>
    public TimeSpan RetryDelay { get; set; } = ConsumerDefaults.RetryDelay;

    /// <summary>Gets or sets the topic that records a hosted handler cannot handle (or deserialize) are sent to, with the failure in headers.</summary>
    /// <value><see langword="null"/>: a record that still fails after the retries stops the handler, uncommitted, so nothing is lost.</value>
    /// <remarks>Header names are in <see cref="Hosting.DeadLetterHeaders"/>; the key and value are the original bytes.</remarks>
    public string? DeadLetterTopic { get; set; }

    /// <summary>Gets or sets the clock used for batch waits and retry delays.</summary>
    /// <value><see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets a hook that changes librdkafka settings after the connection's are applied.</summary>
    /// <value><see langword="null"/>.</value>
    public Action<ConsumerConfig>? ConfigureClient { get; set; }
}
