namespace Breadcrumb.Kafka.Lab;

/// <summary>One topic's figures in a <see cref="KafkaStatistics"/> report.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partitions">Real partitions, ordered by number (librdkafka's internal <c>-1</c> partition excluded).</param>
/// <param name="UnassignedQueuedRecords">Records queued on librdkafka's internal <c>-1</c> partition (not yet partitioned, e.g. while metadata is unknown).</param>
public sealed record TopicStatistics(string Topic, IReadOnlyList<PartitionStatistics> Partitions, long UnassignedQueuedRecords)
{
    /// <summary>Gets the records sent to this topic's partitions in total.</summary>
    public long RecordsSent => Partitions.Sum(p => p.RecordsSent);

    /// <summary>Gets the records received from this topic's partitions in total.</summary>
    public long RecordsReceived => Partitions.Sum(p => p.RecordsReceived);
}
