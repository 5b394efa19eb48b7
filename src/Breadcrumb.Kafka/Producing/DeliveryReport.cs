using Confluent.Kafka;

namespace Breadcrumb.Kafka.Producing;

/// <summary>What happened to one sent record: where it was written, or why it was not.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <param name="Producer">The producer's name (its <c>client.id</c>).</param>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition it was written to, or -1 when not delivered.</param>
/// <param name="Offset">The record's offset in its partition, or -1001 (<see cref="Confluent.Kafka.Offset.Unset"/>) when not delivered.</param>
/// <param name="Key">The record's key.</param>
/// <param name="Timestamp">The record's timestamp, or <see langword="null"/> when the broker gave none.</param>
/// <param name="TimestampType">Whether the timestamp was set when the record was created or when the broker appended it.</param>
/// <param name="Error">Why the record was not delivered, or <see langword="null"/> when it was.</param>
public sealed record DeliveryReport<TKey>(
    string Producer,
    string Topic,
    int Partition,
    long Offset,
    TKey? Key,
    DateTimeOffset? Timestamp,
    TimestampType TimestampType,
    Error? Error)
{
    /// <summary>Gets a value indicating whether the broker acknowledged the record.</summary>
    public bool IsDelivered => Error is null;
}
