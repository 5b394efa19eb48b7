using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples;

/// <summary>One consumer of a group: the partitions it held when the group stopped, how it got them, and the records it received (sections E and H).</summary>
/// <param name="Name">consumer0, consumer1, …</param>
/// <param name="Group">Its consumer group.</param>
/// <param name="Partitions">Its final assignment: the partitions it held when it stopped (see <see cref="GroupAssignment"/> for a group's).</param>
/// <param name="Count">The records it received.</param>
/// <param name="PerPartition">The records it received per partition.</param>
/// <param name="History">Its assignment changes in order, with what it held after each.</param>
public sealed record ConsumerReport(
    string Name, string Group, IReadOnlyList<int> Partitions, long Count, IReadOnlyDictionary<int, long> PerPartition, IReadOnlyList<AssignmentStep> History)
{
    /// <summary>The <see cref="AssignmentStep.Change"/> of a consumer's last revocation, of exactly what it held when it stopped: its close.</summary>
    public const string ClosedChange = "revoked on close";

    /// <summary>Converts the library's per-consumer summary.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="clock">The clock the group's members ran on; their timelines are then counted from its origin, else from each one's start.</param>
    /// <returns>The report.</returns>
    public static ConsumerReport From(ConsumeResultSummary summary, ThreadClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var shift = clock?.StartOf(summary.Elapsed) ?? 0;
        var held = new SortedSet<int>();
        var history = new List<AssignmentStep>();
        foreach (var change in summary.AssignmentHistory)
        {
            var partitions = change.Partitions.Select(p => p.Partition.Value).Order().ToList();
            if (change.Kind == PartitionAssignmentKind.Assigned)
            {
                held.UnionWith(partitions);
            }
            else
            {
                held.ExceptWith(partitions);
            }

            history.Add(new AssignmentStep(Math.Round(shift + change.Elapsed.TotalSeconds, 3), change.Kind.ToString().ToLowerInvariant(), partitions, [.. held]));
        }

        // The final assignment is taken when the consumer stops; a revocation of exactly those partitions after it is its close.
        var final = summary.FinalAssignment.Select(p => p.Partition.Value).Order().ToList();
        if (history.Count > 0 && history[^1] is { Change: "revoked", Held.Count: 0 } last && final.Count > 0 && last.Partitions.SequenceEqual(final))
        {
            history[^1] = last with { Change = ClosedChange };
        }

        return new ConsumerReport(
            summary.ConsumerName,
            summary.GroupId,
            final,
            summary.Total,
            summary.PerPartition.Where(p => p.Kept > 0).ToDictionary(p => p.Partition, p => p.Kept),
            history);
    }
}
