namespace Breadcrumb.Kafka.Producing;

/// <summary>Summarizes the records one producer delivered to one partition (what the lab's section D reads off the log).</summary>
/// <param name="Partition">The partition.</param>
/// <param name="FirstOffset">The lowest offset delivered.</param>
/// <param name="LastOffset">The highest offset delivered.</param>
/// <param name="Count">How many records were delivered; equals <c>LastOffset - FirstOffset + 1</c> when no other producer wrote in between.</param>
public sealed record PartitionOffsets(int Partition, long FirstOffset, long LastOffset, long Count)
{
    /// <summary>Gets the number of offsets from <see cref="FirstOffset"/> to <see cref="LastOffset"/>, both included.</summary>
    public long Span => LastOffset - FirstOffset + 1;
}
