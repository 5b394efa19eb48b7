using Confluent.Kafka;

namespace Breadcrumb.Kafka;

/// <summary>Reports the fate of one sent record: where it was stored, or why it was not.</summary>
/// <param name="Producer">The producer's name.</param>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition, or -1 when the record never reached one.</param>
/// <param name="Offset">The record's offset in its partition, or -1001 (<see cref="Confluent.Kafka.Offset.Unset"/>) when not delivered.</param>
/// <param name="Key">The record's key, or <see langword="null"/> when it had none.</param>
/// <param name="Timestamp">The record's timestamp: its create time, or the broker's log-append time when
/// <paramref name="TimestampType"/> says so; <see langword="null"/> when there is none. The embedded broker (librdkafka's
/// mock) always answers a log-append time of 1,234 ms after 1970-01-01.</param>
/// <param name="TimestampType">Whether <paramref name="Timestamp"/> is the create time or the broker's log-append time.</param>
/// <param name="Error">Why the record was not delivered, or <see langword="null"/> when it was.</param>
public sealed record DeliveryReport(
    string Producer,
    string Topic,
    int Partition,
    long Offset,
    string? Key,
    DateTimeOffset? Timestamp,
    TimestampType TimestampType,
    Error? Error)
{
    /// <summary>Gets a value indicating whether the broker acknowledged the record.</summary>
    public bool IsDelivered => Error is null;
}
