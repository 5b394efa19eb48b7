namespace Breadcrumb.Kafka.Samples.Transactions;

/// <summary>Section I's measured figures: what was committed and aborted, and what the consumer saw.</summary>
public sealed record TransactionsSummary : SectionSummary
{
    /// <summary>Gets the consumer's isolation level: "read_committed" (the lab) or "read_uncommitted".</summary>
    public required string IsolationLevel { get; init; }

    /// <summary>Gets the records of committed transactions, over both parts.</summary>
    public required int CommittedRecords { get; init; }

    /// <summary>Gets the records of aborted transactions, over both parts.</summary>
    public required int AbortedRecords { get; init; }

    /// <summary>Gets the records the consumers received, over both parts.</summary>
    public required int ConsumedRecords { get; init; }

    /// <summary>Gets the records of aborted transactions the consumers received, identified by the transaction their key names.</summary>
    public required int AbortedSeen { get; init; }

    /// <summary>Gets the records received that no transaction of this run wrote (0 on fresh topics).</summary>
    public required int PreexistingRecords { get; init; }

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
    public override IReadOnlyList<string> DescribeInvariants() =>
    [
        "the consumer receives no record of an aborted transaction (aborted seen = 0, by the transaction each record's key names)",
        "it receives every record of every committed transaction, once",
        "each part starts on fresh topics: no record older than the part is received (preexisting = 0)",
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> CheckInvariants(int records)
    {
        var broken = new List<string>();
        foreach (var part in Parts)
        {
            if (part.AbortedSeen > 0)
            {
                broken.Add($"{part.Name}: the {IsolationLevel} consumer received {part.AbortedSeen} records of aborted transactions"
                    + (BrokerFiltersAborted ? "." : " (the probe says this broker does not filter them)."));
            }

            if (part.Missed > 0 || part.SeenTwice > 0)
            {
                broken.Add($"{part.Name}: {part.Missed} committed records were never received and {part.SeenTwice} were received twice.");
            }

            if (part.PreexistingRecords > 0)
            {
                broken.Add($"{part.Name}: {part.PreexistingRecords} records older than the part were received: the topics were not fresh.");
            }
        }

        return broken;
    }

    /// <inheritdoc/>
    public override SectionReport ToReport()
    {
        IReadOnlyList<object?> Row(string what, Func<TransactionPart, object?> value) => [what, .. Parts.Select(value)];
        var report = new SectionReport();
        foreach (var p in Parts)
        {
            report.Finding($"{Capital(p.Name)} ({string.Join(" + ", p.Topics)}, {p.ClearedBefore} older records deleted first): {p.Batches} transactions, "
                + $"the coin committed {p.CommittedBatches} ({p.CommittedRecords} records) and aborted {p.AbortedBatches} ({p.AbortedRecords} records); "
                + $"the {IsolationLevel} consumer received {p.ConsumedRecords}: {p.CommittedSeen} of the {p.CommittedRecords} committed records, "
                + $"{p.AbortedSeen} of the {p.AbortedRecords} aborted ones, {p.PreexistingRecords} older records.");
        }

        report.Finding(OnlyCommittedSeen
            ? $"So the {IsolationLevel} consumers received exactly the {CommittedRecords} committed records and none of the {AbortedRecords} aborted ones."
            : $"So the {IsolationLevel} consumers did not receive only committed data: {AbortedSeen} aborted records, {PreexistingRecords} older records, "
                + $"{Parts.Sum(p => p.Missed)} committed records missed, {Parts.Sum(p => p.SeenTwice)} received twice.");
        report.Finding($"Each record's key names its transaction (transactional id / transaction number / record), so an aborted record is recognized by what it carries. "
            + $"Broker probe: {(BrokerFiltersAborted ? "aborted records are hidden from read_committed consumers" : "aborted records are NOT hidden from read_committed consumers")} ({ProbeReason}).");
        report.Background("Records of aborted transactions are written to the log too; the broker's transaction markers and aborted-transaction index let a "
            + "read_committed consumer skip them, and it reads only up to the last stable offset. A transaction spanning two topics commits or aborts in both at once.");
        if (Limitation is not null)
        {
            report.Background(Limitation);
        }

        return report.Table(
            "Transactions: batches of 4, a wait, then a seeded coin flip; one consumer reads them",
            ["", .. Parts.Select(p => p.Name)],
            [
                Row("topics", p => string.Join(" + ", p.Topics)),
                Row("older records deleted first", p => p.ClearedBefore),
                Row("transactions (committed / aborted)", p => $"{p.Batches} ({p.CommittedBatches} / {p.AbortedBatches})"),
                Row("records committed", p => p.CommittedRecords),
                Row("records aborted", p => p.AbortedRecords),
                Row($"received ({IsolationLevel})", p => p.ConsumedRecords),
                Row("committed records received", p => p.CommittedSeen),
                Row("aborted records received", p => p.AbortedSeen),
                Row("committed records missed", p => p.Missed),
                Row("received twice", p => p.SeenTwice),
                Row("older records received", p => p.PreexistingRecords),
                Row("only committed seen", p => p.OnlyCommittedSeen ? "yes" : "NO"),
            ]);
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
