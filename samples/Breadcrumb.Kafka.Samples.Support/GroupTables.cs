using System.Globalization;

namespace Breadcrumb.Kafka.Samples;

/// <summary>The tables and sentences sections E and H show for their consumer groups.</summary>
public static class GroupTables
{
    /// <summary>Adds the members table: final assignment, records and records per partition.</summary>
    /// <param name="report">The report.</param>
    /// <param name="runs">The group runs.</param>
    /// <returns>The report.</returns>
    public static SectionReport AddMembers(SectionReport report, IEnumerable<GroupRun> runs)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Table(
            "Consumers: final assignment (held just before the group's first close) and records received",
            ["step", "group", "consumer", "final partitions", "records", "records per partition", "group: read / distinct / expected"],
            runs.SelectMany(g => g.Members.Select(m => (IReadOnlyList<object?>)
            [
                g.Step, g.Group, m.Name, string.Join(", ", m.Partitions), m.Count,
                string.Join(", ", m.PerPartition.OrderBy(p => p.Key).Select(p => $"[{p.Key}] {p.Value}")),
                $"{g.Reads} / {OffsetRanges.Count(g.ConsumedIds)} / {OffsetRanges.Count(g.ExpectedIds)}",
            ])));
    }

    /// <summary>Adds the assignment timeline: who held what, from when.</summary>
    /// <param name="report">The report.</param>
    /// <param name="runs">The group runs.</param>
    /// <returns>The report.</returns>
    public static SectionReport AddTimeline(SectionReport report, IEnumerable<GroupRun> runs)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Table(
            "Assignment timeline (seconds since the group started)",
            ["step", "group", "consumer", "t (s)", "change", "partitions", "held from then on"],
            runs.SelectMany(g => g.Members.SelectMany(m => m.History.Select(h => (IReadOnlyList<object?>)
            [
                g.Step, g.Group, m.Name, h.Seconds, h.Change, string.Join(", ", h.Partitions), string.Join(", ", h.Held),
            ]))));
    }

    /// <summary>Describes one group's split in a sentence computed from its figures.</summary>
    /// <param name="run">The group run.</param>
    /// <returns>The sentence.</returns>
    public static string Describe(GroupRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var members = string.Join("; ", run.Members.Select(m =>
            string.Create(CultureInfo.InvariantCulture, $"{m.Name} ended with partition(s) [{string.Join(", ", m.Partitions)}] and received {m.Count}")));
        var changes = run.Members.Sum(m => m.History.Count);
        return string.Create(CultureInfo.InvariantCulture,
            $"Group {run.Group} ({run.Members.Count} member{(run.Members.Count == 1 ? string.Empty : "s")}): {members}; "
            + $"{OffsetRanges.Count(run.ConsumedIds)} distinct records of {OffsetRanges.Count(run.ExpectedIds)} expected, {run.ReadTwice} read twice, "
            + $"{changes} assignment change{(changes == 1 ? string.Empty : "s")}.");
    }
}
