namespace Breadcrumb.Kafka.Samples.Transactions;

/// <summary>Section I's measured figures: what was committed and aborted, and what a read_committed consumer saw.</summary>
public sealed record TransactionsSummary : SectionSummary
{
    /// <summary>Gets the records of committed transactions, over both parts.</summary>
    public required int CommittedRecords { get; init; }

    /// <summary>Gets the records of aborted transactions, over both parts.</summary>
    public required int AbortedRecords { get; init; }

    /// <summary>Gets the records the read_committed consumers received, over both parts.</summary>
    public required int ConsumedRecords { get; init; }

    /// <summary>Gets a value indicating whether the consumers saw every committed record once and nothing else.</summary>
    public required bool OnlyCommittedSeen { get; init; }

    /// <summary>Gets the probe's answer: does this broker hide aborted records from read_committed consumers?</summary>
    public required bool BrokerFiltersAborted { get; init; }

    /// <summary>Gets what the probe observed.</summary>
    public required string ProbeReason { get; init; }

    /// <summary>Gets the broker limitation that explains leaked records, or null when there is none.</summary>
    public string? Limitation { get; init; }

    /// <summary>Gets the two parts: one topic (steps 6–8), then two topics (step 9).</summary>
    public required IReadOnlyList<TransactionPart> Parts { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> CheckInvariants(int records)
    {
        var broken = new List<string>();
        foreach (var part in Parts)
        {
            if (part.Missed > 0)
            {
                broken.Add($"{part.Name}: {part.Missed} committed records were never consumed.");
            }

            if (BrokerFiltersAborted && !part.OnlyCommittedSeen)
            {
                broken.Add($"{part.Name}: the broker filters aborted records (probe), yet the consumer saw {part.LeakedAborted} aborted and {part.Unexpected} unexpected records.");
            }

            if (!BrokerFiltersAborted && part.AbortedRecords > 0 && part.LeakedAborted == 0)
            {
                broken.Add($"{part.Name}: the probe says aborted records leak on this broker, but none of {part.AbortedRecords} did: probe and run disagree.");
            }
        }

        return broken;
    }

    /// <inheritdoc/>
    public override SectionReport ToReport()
    {
        IReadOnlyList<object?> Row(string what, Func<TransactionPart, object?> value) => [what, .. Parts.Select(value)];
        var report = new SectionReport().Table(
            "Transactions: batches of 4, a wait, then a seeded coin flip; a read_committed consumer reads them",
            ["", .. Parts.Select(p => p.Name)],
            [
                Row("topics", p => string.Join(" + ", p.Topics)),
                Row("transactions (committed / aborted)", p => $"{p.Batches} ({p.CommittedBatches} / {p.AbortedBatches})"),
                Row("records committed", p => p.CommittedRecords),
                Row("records aborted", p => p.AbortedRecords),
                Row("consumed (read_committed)", p => p.ConsumedRecords),
                Row("aborted records seen", p => p.LeakedAborted),
                Row("committed records missed", p => p.Missed),
                Row("older records in the topics", p => p.Unexpected),
                Row("only committed seen", p => p.OnlyCommittedSeen ? "yes" : "NO"),
            ]);
        report.Finding($"Broker probe: {(BrokerFiltersAborted ? "aborted records are hidden from read_committed consumers" : "aborted records are NOT hidden from read_committed consumers")} ({ProbeReason}).");
        report.Finding(OnlyCommittedSeen
            ? $"The read_committed consumers saw exactly the {CommittedRecords} committed records, none of the {AbortedRecords} aborted ones."
            : $"The read_committed consumers saw {ConsumedRecords} records for {CommittedRecords} committed: only committed data was NOT what they got.");
        if (Limitation is not null)
        {
            report.Finding(Limitation);
        }

        return report;
    }
}

/// <summary>One part of section I: a run of transactional batches and a read_committed read of its topics.</summary>
/// <param name="Name">"one topic" or "two topics".</param>
/// <param name="Topics">The topics each batch wrote to.</param>
/// <param name="Batches">The batches run.</param>
/// <param name="CommittedBatches">The batches committed.</param>
/// <param name="AbortedBatches">The batches aborted.</param>
/// <param name="CommittedRecords">The records of committed batches.</param>
/// <param name="AbortedRecords">The records of aborted batches.</param>
/// <param name="ConsumedRecords">The records the read_committed consumer received.</param>
/// <param name="LeakedAborted">Aborted records the consumer received.</param>
/// <param name="Missed">Committed records the consumer never received.</param>
/// <param name="Unexpected">Records received that this run did not write (older data in the topic).</param>
/// <param name="OnlyCommittedSeen">Whether the consumer saw every committed record once and nothing else.</param>
public sealed record TransactionPart(
    string Name,
    IReadOnlyList<string> Topics,
    int Batches,
    int CommittedBatches,
    int AbortedBatches,
    int CommittedRecords,
    int AbortedRecords,
    int ConsumedRecords,
    int LeakedAborted,
    int Missed,
    int Unexpected,
    bool OnlyCommittedSeen);
