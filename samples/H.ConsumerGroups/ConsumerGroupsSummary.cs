namespace Breadcrumb.Kafka.Samples.ConsumerGroups;

/// <summary>Section H's measured figures.</summary>
public sealed record ConsumerGroupsSummary : SectionSummary
{
    /// <summary>Gets the records each producer run was asked to send.</summary>
    public required int RecordsPerRun { get; init; }

    /// <summary>Gets the two producer runs (steps 2 and 5).</summary>
    public required IReadOnlyList<Production> Productions { get; init; }

    /// <summary>Gets the consumers of step 5: two in one group, one in the other; <c>partitions</c> is each one's final assignment.</summary>
    public required IReadOnlyList<ConsumerReport> Consumers { get; init; }

    /// <summary>Gets the records a brand-new group read from the whole history.</summary>
    public required long NewGroup { get; init; }

    /// <summary>Gets every group of every step: members, record ids read and expected.</summary>
    public required IReadOnlyList<GroupRun> Groups { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> DescribeInvariants() =>
        ["each producer run is confirmed whole (delivered = records per run)", .. GroupRun.Criteria];

    /// <inheritdoc/>
    public override IReadOnlyList<string> CheckInvariants(int records) =>
    [
        .. Productions.Where(p => p.Delivered != RecordsPerRun).Select(p => $"step {p.Step}: the producer delivered {p.Delivered} of {RecordsPerRun} records."),
        .. Groups.SelectMany(g => g.Check()),
    ];

    /// <inheritdoc/>
    public override SectionReport ToReport()
    {
        var report = new SectionReport();
        foreach (var p in Productions)
        {
            report.Finding($"Step {p.Step}: the producer keyed each record with its position; the broker confirmed {p.Delivered}, spread over partitions "
                + string.Join(", ", p.Partitions.OrderBy(s => s.Partition).Select(s => $"{s.Partition} ({s.Count})")) + ".");
        }

        foreach (var g in Groups)
        {
            report.Finding($"Step {g.Step}: {GroupTables.Describe(g)}");
        }

        report.Finding($"A brand-new group read the whole history: {NewGroup} records ({Produced} produced in this section).")
            .Background("Each consumer group keeps its own committed offsets, so every group reads the topic independently; inside one group each partition "
                + "belongs to one member at a time, so members split the partitions and with them the records. A new group with auto.offset.reset=earliest starts at the beginning.");
        GroupTables.AddMembers(report, Groups);
        return GroupTables.AddTimeline(report, Groups);
    }
}
