namespace Breadcrumb.Kafka.Samples.Keys;

/// <summary>One filtered read of section F: a key (or key set) and what a consumer kept.</summary>
/// <param name="Filter">The keys asked for.</param>
/// <param name="Kept">The records with those keys.</param>
/// <param name="Skipped">The records read and skipped by the filter.</param>
/// <param name="Partitions">The partitions the kept records came from.</param>
/// <param name="OrderHeld">Whether offsets increased within each key.</param>
/// <param name="Seconds">How long the read took.</param>
public sealed record KeyRead(string Filter, long Kept, long Skipped, IReadOnlyList<int> Partitions, bool OrderHeld, double Seconds);

/// <summary>Section F's measured figures.</summary>
public sealed record KeysSummary : SectionSummary
{
    /// <summary>Gets the records each key's own consumer kept (key → count).</summary>
    public required IReadOnlyDictionary<string, long> PerKey { get; init; }

    /// <summary>Gets the keys the producer actually used, as its delivery reports show (key → count).</summary>
    public required IReadOnlyDictionary<string, long> ProducedPerKey { get; init; }

    /// <summary>Gets the key set read together, and what it kept.</summary>
    public required KeyRead KeySet { get; init; }

    /// <summary>Gets the key asked for that has no records.</summary>
    public required string MissingKey { get; init; }

    /// <summary>Gets the records the missing key's consumer kept.</summary>
    public required long MissingKeyCount { get; init; }

    /// <summary>Gets whether offsets increased within every key in every read.</summary>
    public required bool OrderWithinKeyHeld { get; init; }

    /// <summary>Gets every filtered read.</summary>
    public required IReadOnlyList<KeyRead> Reads { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> CheckInvariants(int records)
    {
        var broken = new List<string>();
        if (PerKey.Values.Sum() != Produced)
        {
            broken.Add($"per-key counts add to {PerKey.Values.Sum()}, but {Produced} records were delivered.");
        }

        if (MissingKeyCount != 0)
        {
            broken.Add($"key {MissingKey} has no records, yet its consumer kept {MissingKeyCount}.");
        }

        if (!OrderWithinKeyHeld)
        {
            broken.Add("offsets went backwards within a key.");
        }

        return broken;
    }

    /// <inheritdoc/>
    public override SectionReport ToReport() => new SectionReport()
        .Finding($"{Produced} records with random keys 1–5 (seeded); one consumer per key kept {string.Join(" + ", PerKey.OrderBy(k => k.Key).Select(k => k.Value))} = {PerKey.Values.Sum()}.")
        .Finding($"Key set {KeySet.Filter}: {KeySet.Kept} records. Key \"{MissingKey}\": {MissingKeyCount} records — the consumer read the whole topic, "
            + $"skipped {Reads.Single(r => r.Filter == MissingKey).Skipped} records and stopped at the end of the partitions: a missing key is not an error, just nothing.")
        .Finding(OrderWithinKeyHeld
            ? "Within each key the offsets only increased: reading key by key consumes the topic out of order overall but in order per key (a key lives in one partition)."
            : "Offsets went backwards within a key.")
        .Table(
            "Filtered reads",
            ["keys", "kept", "skipped", "from partitions", "order within key", "seconds", "producer sent"],
            Reads.Select(r => (IReadOnlyList<object?>)[r.Filter, r.Kept, r.Skipped, string.Join(", ", r.Partitions), r.OrderHeld ? "held" : "BROKEN", r.Seconds,
                ProducedPerKey.TryGetValue(r.Filter, out var sent) ? sent : null]));
}
