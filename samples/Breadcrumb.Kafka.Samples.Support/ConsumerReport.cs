using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples;

/// <summary>One consumer of a group: the partitions it held and the records it received (sections E and H).</summary>
/// <param name="Name">consumer0, consumer1, …</param>
/// <param name="Group">Its consumer group.</param>
/// <param name="Partitions">The partitions it was assigned during its run.</param>
/// <param name="Count">The records it received.</param>
/// <param name="PerPartition">The records it received per partition.</param>
public sealed record ConsumerReport(string Name, string Group, IReadOnlyList<int> Partitions, long Count, IReadOnlyDictionary<int, long> PerPartition)
{
    /// <summary>Converts the library's per-consumer summary.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>The report.</returns>
    public static ConsumerReport From(ConsumeResultSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new ConsumerReport(
            summary.ConsumerName,
            summary.GroupId,
            [.. summary.PartitionsAssigned.Select(p => p.Partition.Value).Order()],
            summary.Total,
            summary.PerPartition.Where(p => p.Kept > 0).ToDictionary(p => p.Partition, p => p.Kept));
    }

    /// <summary>Returns the sentences saying where consumers of one group received a record twice (overlap) or not at all (loss).</summary>
    /// <param name="group">The members of one group.</param>
    /// <param name="expected">The records the group should receive in total.</param>
    /// <returns>One sentence per problem; empty when the group split the records exactly.</returns>
    public static IReadOnlyList<string> CheckSplit(IReadOnlyList<ConsumerReport> group, long expected)
    {
        ArgumentNullException.ThrowIfNull(group);
        var broken = new List<string>();
        var total = group.Sum(c => c.Count);
        if (total != expected)
        {
            broken.Add($"{group[0].Group}: members received {total} records in total, expected {expected} ({(total < expected ? "loss" : "duplicates")}).");
        }

        return broken;
    }
}
