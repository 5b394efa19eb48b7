namespace Breadcrumb.Kafka.Lab;

/// <summary>Describes how far a consumer group is behind on a topic: committed offsets against high watermarks.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="Topic">The topic.</param>
/// <param name="Partitions">One entry per partition, by partition number.</param>
public sealed record ConsumerGroupLag(string GroupId, string Topic, IReadOnlyList<PartitionLag> Partitions)
{
    /// <summary>Gets the total lag over all partitions.</summary>
    public long TotalLag => Partitions.Sum(p => p.Lag);
}
