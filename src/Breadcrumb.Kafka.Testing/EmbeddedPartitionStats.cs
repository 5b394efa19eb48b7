namespace Breadcrumb.Kafka.Testing;

/// <summary>What one partition of the embedded broker holds, and what it received through the fidelity layer.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="LowWatermark">The first offset still stored.</param>
/// <param name="HighWatermark">The offset the next record gets.</param>
/// <param name="ReceivedBytes">Bytes of record batches produced to it through the layer (0 on the raw mock).</param>
/// <param name="ReceivedMessages">Records produced to it through the layer (0 on the raw mock).</param>
public sealed record EmbeddedPartitionStats(string Topic, int Partition, long LowWatermark, long HighWatermark, long ReceivedBytes, long ReceivedMessages)
{
    /// <summary>Gets the number of offsets still stored (records and transaction markers).</summary>
    public long RetainedOffsets => HighWatermark - LowWatermark;

    /// <summary>Gets an estimate of the bytes still stored: received bytes scaled by the share of offsets retained.</summary>
    public long EstimatedRetainedBytes => HighWatermark <= 0 ? 0 : (long)(ReceivedBytes * ((double)RetainedOffsets / HighWatermark));
}
