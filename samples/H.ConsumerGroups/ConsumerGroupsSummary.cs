namespace Breadcrumb.Kafka.Samples.ConsumerGroups;

/// <summary>One round of section H: the records produced before it and what each consumer received.</summary>
/// <param name="Step">The lab step.</param>
/// <param name="Expected">The records each group should receive in this round (produced since the group last read).</param>
/// <param name="Consumers">Every consumer of the round.</param>
public sealed record GroupRound(string Step, long Expected, IReadOnlyList<ConsumerReport> Consumers);

/// <summary>Section H's measured figures.</summary>
public sealed record ConsumerGroupsSummary : SectionSummary
{
    /// <summary>Gets the consumers of step 5: two in one group, one in the other.</summary>
    public required IReadOnlyList<ConsumerReport> Consumers { get; init; }

    /// <summary>Gets the records a brand-new group read from the whole history.</summary>
    public required long NewGroup { get; init; }

    /// <summary>Gets every round.</summary>
    public required IReadOnlyList<GroupRound> Rounds { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> CheckInvariants(int records)
    {
        var broken = new List<string>();
        foreach (var round in Rounds)
        {
            foreach (var group in round.Consumers.GroupBy(c => c.Group))
            {
                broken.AddRange(ConsumerReport.CheckSplit([.. group], round.Expected).Select(s => $"{round.Step}: {s}"));
            }
        }

        return broken;
    }

    /// <inheritdoc/>
    public override SectionReport ToReport() => new SectionReport()
        .Finding("Each consumer group keeps its own committed offsets, so every group receives every record once; "
            + "consumers inside one group split the partitions between them, so they split the records.")
        .Finding("The producer keys each record with its position, so the records spread over all partitions (keyless records would go to one partition per batch, and one member would get them all).")
        .Finding($"A brand-new group read the whole history: {NewGroup} records ({Produced} produced in this section).")
        .Table(
            "Consumers per round",
            ["step", "group", "consumer", "partitions held", "records", "group should get"],
            Rounds.SelectMany(r => r.Consumers.Select(c => (IReadOnlyList<object?>)[r.Step, c.Group, c.Name, string.Join(", ", c.Partitions), c.Count, r.Expected])));
}
