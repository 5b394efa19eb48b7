namespace Breadcrumb.Kafka.Testing;

/// <summary>One partition of the embedded broker at one moment, read from the broker itself.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Leader">The node id of the broker that leads it.</param>
/// <param name="LowWatermark">The first offset still stored.</param>
/// <param name="HighWatermark">The offset the next record gets.</param>
/// <param name="StoredBytes">The bytes of the record batches it holds.</param>
public sealed record EmbeddedPartitionStats(string Topic, int Partition, int Leader, long LowWatermark, long HighWatermark, long StoredBytes)
{
    /// <summary>Gets the number of offsets between the watermarks (records, plus transaction markers if any).</summary>
    public long RetainedOffsets => HighWatermark - LowWatermark;
}
