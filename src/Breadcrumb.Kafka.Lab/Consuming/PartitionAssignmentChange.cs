using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Records one change of a consumer's partitions during a run (a rebalance step, or an explicit assign).</summary>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="Kind">Whether partitions were assigned, revoked or lost.</param>
/// <param name="Partitions">The partitions added or removed by this change (may be empty with the KIP-848 protocol).</param>
public sealed record PartitionAssignmentChange(TimeSpan Elapsed, PartitionAssignmentKind Kind, IReadOnlyList<TopicPartition> Partitions)
{
    /// <summary>Returns a one-line description, e.g. <c>+0.12s assigned [0, 2, 4]</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"+{Elapsed.TotalSeconds:0.00}s {Kind.ToString().ToLowerInvariant()} [{string.Join(", ", Partitions.Select(p => p.Partition.Value))}]";
}
