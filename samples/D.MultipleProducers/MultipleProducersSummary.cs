namespace Breadcrumb.Kafka.Samples.MultipleProducers;

/// <summary>One of section D's producers and the offsets the broker gave its records.</summary>
/// <param name="Name">producer0, producer1, …</param>
/// <param name="Key">The key its records carried.</param>
/// <param name="Delivered">The records the broker confirmed.</param>
/// <param name="Offsets">First and last offset per partition.</param>
public sealed record ProducerOffsets(string Name, string Key, long Delivered, IReadOnlyList<PartitionSpan> Offsets);

/// <summary>Section D's measured figures.</summary>
public sealed record MultipleProducersSummary : SectionSummary
{
    /// <summary>Gets the records removed when the topic was cleared, or null when it could not be cleared.</summary>
    public long? Cleared { get; init; }

    /// <summary>Gets each producer's offsets.</summary>
    public required IReadOnlyList<ProducerOffsets> Producers { get; init; }

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
        .Finding($"{Producers.Count} producers ran at the same time and the broker confirmed {Produced} records; one consumer then received {Consumed}.")
        .Finding("Each producer keys its records with its name, so all of one producer's records land in one partition, in order: "
            + "last − first + 1 equals the records it sent, as in the lab's write-up.")
        .Table(
            "Begin and end offset per partition, per producer",
            ["producer", "key", "partition", "first offset", "last offset", "last − first + 1", "delivered there"],
            Producers.SelectMany(p => p.Offsets.Select(o => (IReadOnlyList<object?>)[p.Name, p.Key, o.Partition, o.First, o.Last, o.Last - o.First + 1, o.Count])));
}
