namespace Breadcrumb.Kafka.Lab;

/// <summary>One partition's figures as the client sees them. Offsets the client does not know are <see langword="null"/>.</summary>
/// <param name="Partition">The partition number.</param>
/// <param name="Leader">The leader broker id, or <see langword="null"/> when unknown.</param>
/// <param name="RecordsSent">Records sent to it (<c>txmsgs</c>).</param>
/// <param name="BytesSent">Bytes sent to it (<c>txbytes</c>).</param>
/// <param name="RecordsReceived">Records received from it (<c>rxmsgs</c>).</param>
/// <param name="BytesReceived">Bytes received from it (<c>rxbytes</c>).</param>
/// <param name="QueuedRecords">Records waiting in the partition's queue (<c>msgq_cnt</c>).</param>
/// <param name="InFlightRecords">Records in transmission or awaiting acknowledgement (<c>xmit_msgq_cnt</c> + <c>msgs_inflight</c>).</param>
/// <param name="LowWatermark">The partition's low watermark (<c>lo_offset</c>) as last queried.</param>
/// <param name="HighWatermark">The partition's high watermark (<c>hi_offset</c>) as last fetched.</param>
/// <param name="LastStableOffset">The last stable offset (<c>ls_offset</c>).</param>
/// <param name="CommittedOffset">The consumer group's committed offset (<c>committed_offset</c>).</param>
/// <param name="ConsumerLag">High watermark minus the consumer's position (<c>consumer_lag</c>).</param>
/// <param name="StoredBytes">Bytes stored on the broker: librdkafka's statistics never report it, so always <see langword="null"/> ("not reported"); see <see cref="TopicInspector"/>.</param>
public sealed record PartitionStatistics(
    int Partition,
    int? Leader,
    long RecordsSent,
    long BytesSent,
    long RecordsReceived,
    long BytesReceived,
    long QueuedRecords,
    long InFlightRecords,
    long? LowWatermark,
    long? HighWatermark,
    long? LastStableOffset,
    long? CommittedOffset,
    long? ConsumerLag,
    long? StoredBytes);
