using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Describes where one record of a transactional batch was written.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition the broker stored it in.</param>
/// <param name="Offset">The offset the broker gave it (visible to read_committed consumers only if its transaction committed).</param>
/// <param name="Key">The record key, or <see langword="null"/> for none.</param>
public sealed record TransactionRecord(string Topic, int Partition, long Offset, string? Key)
{
    /// <summary>Returns the record's position as Confluent.Kafka's <see cref="TopicPartitionOffset"/>, as a consumer reports it.</summary>
    /// <returns>The topic, partition and offset.</returns>
    public TopicPartitionOffset ToTopicPartitionOffset() => new(Topic, new Partition(Partition), new Offset(Offset));
}
