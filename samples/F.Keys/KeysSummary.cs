namespace Breadcrumb.Kafka.Samples.Keys;

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
    public override IReadOnlyList<string> DescribeInvariants() =>
    [
        "each key's consumer keeps exactly the records the producer sent with that key, and the per-key counts add up to the records delivered",
        "the key-set consumer keeps the sum of its keys' records",
        "the missing key's consumer keeps nothing",
        "offsets only increase within each key, in every read",
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> CheckInvariants(int records)
    {
        var broken = new List<string>();
        if (PerKey.Values.Sum() != Produced)
        {
            broken.Add($"per-key counts add to {PerKey.Values.Sum()}, but {Produced} records were delivered.");
        }

        foreach (var (key, sent) in ProducedPerKey.Where(k => PerKey.GetValueOrDefault(k.Key) != k.Value))
        {
            broken.Add($"key {key}: the producer sent {sent}, its consumer kept {PerKey.GetValueOrDefault(key)}.");
        }

        var setKeys = KeySet.Filter.Split(',');
        var setExpected = setKeys.Sum(k => ProducedPerKey.GetValueOrDefault(k));
        if (KeySet.Kept != setExpected)
        {
            broken.Add($"key set {KeySet.Filter}: kept {KeySet.Kept}, the producer sent {setExpected} with those keys.");
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
    public override SectionReport ToReport()
    {
        var missing = Reads.Single(r => r.Filter == MissingKey);
        var perKeyReads = Reads.Where(r => PerKey.ContainsKey(r.Filter)).ToList();
        var onePartition = perKeyReads.Count(r => r.Partitions.Count == 1);
        return new SectionReport()
            .Finding($"{Produced} records with seeded random keys 1–5; the producer's delivery reports count "
                + string.Join(", ", ProducedPerKey.OrderBy(k => k.Key).Select(k => $"key {k.Key}: {k.Value}")) + $"; one consumer per key kept "
                + $"{string.Join(" + ", PerKey.OrderBy(k => k.Key).Select(k => k.Value))} = {PerKey.Values.Sum()}.")
            .Finding($"Key set {KeySet.Filter}: {KeySet.Kept} records from partition(s) {string.Join(", ", KeySet.Partitions)}. Key \"{MissingKey}\": {MissingKeyCount} records — "
                + $"the consumer read {missing.Skipped} records, kept none, stopped on {missing.StopReason} after {missing.Seconds} s, and raised no error.")
            .Finding($"{onePartition} of the {perKeyReads.Count} keys had all their records in one partition ("
                + string.Join(", ", perKeyReads.Select(r => $"{r.Filter} → {string.Join("/", r.Partitions)}")) + "); "
                + (OrderWithinKeyHeld
                    ? "within each key the offsets only increased in every read: reading key by key consumes the topic out of order overall, in order per key."
                    : "offsets went backwards within a key."))
            .Background("A key's hash picks its partition, and a partition is read in offset order, so one key's records come back in the order they were sent; "
                + "a filter on the key still reads (and skips) every other record of the partitions it reads.")
            .Table(
                "Filtered reads",
                ["keys", "kept", "skipped", "from partitions", "order within key", "seconds", "producer sent"],
                Reads.Select(r => (IReadOnlyList<object?>)[r.Filter, r.Kept, r.Skipped, string.Join(", ", r.Partitions), r.OrderHeld ? "held" : "BROKEN", r.Seconds,
                    ProducedPerKey.TryGetValue(r.Filter, out var sent) ? sent : null]));
    }
}
