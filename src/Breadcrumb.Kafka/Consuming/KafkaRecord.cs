using Confluent.Kafka;

namespace Breadcrumb.Kafka.Consuming;

/// <summary>One consumed record: its key and value, and where and when it was written.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Offset">The record's offset in its partition.</param>
/// <param name="Timestamp">The record's timestamp (creation or log-append time, see <paramref name="TimestampType"/>).</param>
/// <param name="TimestampType">Whether the producer or the broker set the timestamp.</param>
/// <param name="Headers">The record's headers (empty when it has none).</param>
/// <param name="Key">The key, or <see langword="default"/> for a Kafka null key.</param>
/// <param name="Value">The value, or <see langword="default"/> for a tombstone.</param>
/// <remarks>Handlers and tests can create records directly, for example to unit-test a handler without a broker.</remarks>
public sealed record KafkaRecord<TKey, TValue>(
    string Topic,
    int Partition,
    long Offset,
    DateTimeOffset Timestamp,
    TimestampType TimestampType,
    Headers Headers,
    TKey? Key,
    TValue? Value)
{
    /// <summary>Gets the position after this record: what to commit once it is handled, or to send to a transaction.</summary>
    public TopicPartitionOffset NextOffset => new(Topic, Partition, Offset + 1);
}
