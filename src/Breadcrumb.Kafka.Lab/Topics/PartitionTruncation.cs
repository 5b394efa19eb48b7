namespace Breadcrumb.Kafka.Lab;

/// <summary>Describes what <see cref="TopicCleaner.TruncateAsync"/> did to one partition.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="LowBefore">The low watermark before.</param>
/// <param name="High">The high watermark, which the low watermark was moved to.</param>
/// <param name="LowAfter">The low watermark after, as the broker reported it.</param>
public sealed record PartitionTruncation(int Partition, long LowBefore, long High, long LowAfter)
{
    /// <summary>Gets the number of offsets deleted.</summary>
    public long Deleted => LowAfter - LowBefore;
}
