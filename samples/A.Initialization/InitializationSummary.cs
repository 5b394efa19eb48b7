namespace Breadcrumb.Kafka.Samples.Initialization;

/// <summary>Section A's measured figures.</summary>
public sealed record InitializationSummary : SectionSummary
{
    /// <summary>Gets where the records came from: "generated" or "file".</summary>
    public required string Source { get; init; }

    /// <summary>Gets the bcsample.json file produced from.</summary>
    public required string File { get; init; }

    /// <summary>Gets the records read from the file.</summary>
    public required long RecordsInFile { get; init; }

    /// <summary>Gets the delivered offsets per partition.</summary>
    public required IReadOnlyList<PartitionSpan> Partitions { get; init; }

    /// <summary>Gets the records the consumer received per partition.</summary>
    public required IReadOnlyDictionary<int, long> ConsumedPerPartition { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> DescribeInvariants() =>
    [
        "every record read from the file is confirmed by the broker (delivered = records in the file)",
        "the consumer receives every delivered record, partition by partition (consumed = delivered in each partition)",
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> CheckInvariants(int records)
    {
        var broken = new List<string>();
        if (Produced != RecordsInFile)
        {
            broken.Add($"{RecordsInFile} records read from {File}, but {Produced} delivered.");
        }

        if (Consumed != Produced)
        {
            broken.Add($"{Produced} records delivered, but the consumer received {Consumed}.");
        }

        foreach (var p in Partitions.Where(p => ConsumedPerPartition.GetValueOrDefault(p.Partition) != p.Count))
        {
            broken.Add($"partition {p.Partition}: {p.Count} delivered, {ConsumedPerPartition.GetValueOrDefault(p.Partition)} consumed.");
        }

        return broken;
    }

    /// <inheritdoc/>
    public override SectionReport ToReport() => new SectionReport()
        .Finding($"{RecordsInFile} breadcrumb records ({Source}) in `{File}`; {Produced} delivered one at a time; the consumer received {Consumed}.")
        .Finding($"The records went to {Partitions.Count} partitions, from {Min(p => p.Count)} to {Max(p => p.Count)} each; "
            + $"the consumer received {Partitions.Count(p => ConsumedPerPartition.GetValueOrDefault(p.Partition) == p.Count)} of those partitions' records in full.")
        .Background("A producer that sends records without a key lets the partitioner spread them over the topic's partitions; "
            + "a consumer in a new group with auto.offset.reset=earliest reads every partition from its first record.")
        .Table(
            "Delivered offsets and consumed records per partition",
            ["partition", "first offset", "last offset", "delivered", "consumed"],
            Partitions.Select(p => (IReadOnlyList<object?>)[p.Partition, p.First, p.Last, p.Count, ConsumedPerPartition.GetValueOrDefault(p.Partition)]));

    private long Min(Func<PartitionSpan, long> f) => Partitions.Count == 0 ? 0 : Partitions.Min(f);

    private long Max(Func<PartitionSpan, long> f) => Partitions.Count == 0 ? 0 : Partitions.Max(f);
}
