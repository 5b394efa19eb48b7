namespace Breadcrumb.Kafka.Lab;

/// <summary>Describes how far a consumer group is behind in one partition.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="Committed">The group's committed offset, or <see langword="null"/> when it has none.</param>
/// <param name="Low">The partition's low watermark.</param>
/// <param name="High">The partition's high watermark.</param>
public sealed record PartitionLag(int Partition, long? Committed, long Low, long High)
{
    /// <summary>Gets the offsets the group has yet to read: from its committed offset (or the low watermark when it has none, as a new group reading from the earliest would) to the high watermark.</summary>
    public long Lag => High - Math.Max(Committed ?? Low, Low);
}
