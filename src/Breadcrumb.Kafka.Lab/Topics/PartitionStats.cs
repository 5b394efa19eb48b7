namespace Breadcrumb.Kafka.Lab;

/// <summary>Describes what one partition holds.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="Low">The low watermark: the first offset still stored.</param>
/// <param name="High">The high watermark: the offset the next record will get.</param>
/// <param name="BytesStored">Bytes the broker stores for the partition, or <see langword="null"/> when it does not report them.</param>
public sealed record PartitionStats(int Partition, long Low, long High, long? BytesStored)
{
    /// <summary>Gets the number of offsets stored (high − low); transaction markers take offsets too.</summary>
    public long Messages => High - Low;
}
