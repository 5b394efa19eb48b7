namespace Breadcrumb.Kafka.Producing;

/// <summary>
/// Summarizes what a producer (or one run of it) sent: counts, offsets per partition and failures.
/// An immutable snapshot; take a new one to see later deliveries.
/// </summary>
/// <param name="Producer">The producer's name.</param>
/// <param name="Topic">The topic.</param>
/// <param name="Sent">How many records were handed to the client.</param>
/// <param name="Delivered">How many the broker acknowledged.</param>
/// <param name="Failed">How many were not delivered (including those purged at dispose).</param>
/// <param name="Partitions">The delivered records per partition, ordered by partition.</param>
/// <param name="Failures">The failed records, at most the first 1,000.</param>
public sealed record ProduceRunSummary(
    string Producer,
    string Topic,
    long Sent,
    long Delivered,
    long Failed,
    IReadOnlyList<PartitionOffsets> Partitions,
    IReadOnlyList<FailedRecord> Failures)
{
    /// <summary>Gets how many records have no delivery report yet (still queued or in flight).</summary>
    public long Pending => Sent - Delivered - Failed;
}
