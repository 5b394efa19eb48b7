namespace Breadcrumb.Kafka.Samples.MultipleProducers;

/// <summary>Section D's measured figures.</summary>
public sealed record MultipleProducersSummary : SectionSummary
{
    /// <summary>Gets the records removed when the topic was cleared, or null when it could not be cleared.</summary>
    public long? Cleared { get; init; }

    /// <summary>Gets each producer's offsets.</summary>
    public required IReadOnlyList<ProducerOffsets> Producers { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> DescribeInvariants() =>
    [
        "each producer's records are all confirmed, and its offset spans (last − first + 1) add up to them: no gap, no other writer inside",
        "one consumer then receives every record of both producers",
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> CheckInvariants(int records)
    {
        var broken = new List<string>();
        foreach (var p in Producers)
        {
            var spans = p.Offsets.Sum(o => o.Last - o.First + 1);
            if (p.Delivered != records || spans != records)
            {
                broken.Add($"{p.Name}: {p.Delivered} delivered and offset spans adding to {spans}, expected {records} each.");
            }
        }

        if (Consumed != Producers.Count * (long)records)
        {
            broken.Add($"one consumer received {Consumed}, expected {Producers.Count * (long)records}.");
        }

        return broken;
    }

    /// <inheritdoc/>
    public override SectionReport ToReport() => new SectionReport()
        .Finding($"{Cleared?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "No"} older records were deleted first; {Producers.Count} producers ran at the same time "
            + $"and the broker confirmed {Produced} records; one consumer then received {Consumed}.")
        .Finding(string.Join("; ", Producers.Select(Describe)) + ".")
        .Background("The default partitioner hashes the key to pick the partition, so a producer that keys every record with its name writes to one partition; "
            + "offsets in a partition are consecutive, so last − first + 1 counts the records there when nobody else writes to it.")
        .Table(
            "Begin and end offset per partition, per producer",
            ["producer", "key", "partition", "first offset", "last offset", "last − first + 1", "delivered there"],
            Producers.SelectMany(p => p.Offsets.Select(o => (IReadOnlyList<object?>)[p.Name, p.Key, o.Partition, o.First, o.Last, o.Last - o.First + 1, o.Count])));

    private static string Describe(ProducerOffsets p) => p.Offsets.Count == 1
        ? $"{p.Name} (key {p.Key}) wrote all {p.Delivered} records to partition {p.Offsets[0].Partition}, offsets {p.Offsets[0].First}–{p.Offsets[0].Last}: "
            + $"last − first + 1 = {p.Offsets[0].Last - p.Offsets[0].First + 1}" + (p.Offsets[0].Last - p.Offsets[0].First + 1 == p.Delivered ? ", no gap" : $", {p.Offsets[0].Last - p.Offsets[0].First + 1 - p.Delivered} offsets held by others")
        : $"{p.Name} (key {p.Key}) wrote to {p.Offsets.Count} partitions ({string.Join(", ", p.Offsets.Select(o => o.Partition))})";
}
