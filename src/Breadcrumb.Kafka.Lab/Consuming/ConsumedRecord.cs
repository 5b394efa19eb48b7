using Breadcrumb.Kafka.Lab.Filtering.Internal;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Represents one record a <see cref="KeyFilteredConsumer"/> kept, as <see cref="KeyFilteredConsumer.ReadAllAsync"/> yields it.</summary>
/// <param name="ConsumerName">The consumer that read it.</param>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Offset">The offset in the partition.</param>
/// <param name="Key">The key, or <see langword="null"/> when the record has none.</param>
/// <param name="Timestamp">The record's timestamp.</param>
/// <param name="Value">The raw value bytes (empty when the record has no value).</param>
public sealed record ConsumedRecord(
    string ConsumerName,
    string Topic,
    int Partition,
    long Offset,
    string? Key,
    DateTimeOffset Timestamp,
    ReadOnlyMemory<byte> Value)
{
    /// <summary>Deserializes the value to a <see cref="BreadcrumbRecord"/> (on every call: keep the result).</summary>
    /// <returns>The record, or <see langword="null"/> when the value is empty or not a breadcrumb JSON object.</returns>
    public BreadcrumbRecord? GetRecord() => LazyRecord.TryDeserialize(Value.Span);
}
