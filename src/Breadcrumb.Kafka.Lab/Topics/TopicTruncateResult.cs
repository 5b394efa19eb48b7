namespace Breadcrumb.Kafka.Lab;

/// <summary>Reports a <see cref="TopicCleaner.TruncateAsync"/>: per partition, the watermarks before and after.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partitions">One entry per partition, by partition number.</param>
public sealed record TopicTruncateResult(string Topic, IReadOnlyList<PartitionTruncation> Partitions)
{
    /// <summary>Gets the offsets deleted over all partitions.</summary>
    public long Deleted => Partitions.Sum(p => p.Deleted);
}
