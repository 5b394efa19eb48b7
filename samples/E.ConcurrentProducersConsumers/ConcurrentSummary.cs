namespace Breadcrumb.Kafka.Samples.Concurrent;

/// <summary>One of section E's paced producers.</summary>
/// <param name="Name">producer0, producer1, …</param>
/// <param name="Key">The key of its records.</param>
/// <param name="Delivered">The records the broker confirmed.</param>
/// <param name="Offsets">First and last offset per partition.</param>
public sealed record PacedProducer(string Name, string Key, long Delivered, IReadOnlyList<PartitionSpan> Offsets);

/// <summary>Section E's measured figures.</summary>
public sealed record ConcurrentSummary : SectionSummary
{
    /// <summary>Gets the pause after each send, in milliseconds.</summary>
    public required int PacingMs { get; init; }

    /// <summary>Gets the producers.</summary>
    public required IReadOnlyList<PacedProducer> Producers { get; init; }

    /// <summary>Gets the consumers of the one group.</summary>
    public required IReadOnlyList<ConsumerReport> Consumers { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> CheckInvariants(int records) => ConsumerReport.CheckSplit(Consumers, Produced);

    /// <inheritdoc/>
    public override SectionReport ToReport() => new SectionReport()
        .Finding($"{Consumers.Count} consumers of one group started first; then {Producers.Count} producers sent {Produced} records with a {PacingMs} ms pause after each send.")
        .Finding($"The consumers received {Consumed} records between them: "
            + string.Join("; ", Consumers.Select(c => $"{c.Name} got {c.Count} from partition(s) {string.Join(", ", c.PerPartition.Keys.Order())}")) + ".")
        .Finding("Each producer's key hashes to one partition, and each partition belongs to one consumer of the group, "
            + "so a consumer's count is the sum of the producers whose partitions it owns (the lab's 1000 vs 2000).")
        .Table(
            "Producers: key and the partition its records went to",
            ["producer", "key", "delivered", "partition", "first offset", "last offset"],
            Producers.SelectMany(p => p.Offsets.Select(o => (IReadOnlyList<object?>)[p.Name, p.Key, p.Delivered, o.Partition, o.First, o.Last])))
        .Table(
            "Consumers: partitions held and records received",
            ["consumer", "group", "partitions held", "records", "records per partition"],
            Consumers.Select(c => (IReadOnlyList<object?>)[c.Name, c.Group, string.Join(", ", c.Partitions), c.Count,
                string.Join(", ", c.PerPartition.OrderBy(p => p.Key).Select(p => $"[{p.Key}] {p.Value}"))]));
}
