namespace Breadcrumb.Kafka.Lab;

/// <summary>Counts what one consumer read from one partition.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Kept">Records the filter kept.</param>
/// <param name="Skipped">Records the filter skipped.</param>
/// <param name="FirstOffset">The first offset read, or <see langword="null"/> when nothing was read.</param>
/// <param name="LastOffset">The last offset read, or <see langword="null"/> when nothing was read.</param>
public sealed record PartitionCount(string Topic, int Partition, long Kept, long Skipped, long? FirstOffset, long? LastOffset)
{
    /// <summary>Gets the number of records read from the partition (kept and skipped).</summary>
    public long Received => Kept + Skipped;
}
