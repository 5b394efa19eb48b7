namespace Breadcrumb.Kafka.Samples.Concurrent;

/// <summary>Section E's measured figures.</summary>
public sealed record ConcurrentSummary : SectionSummary
{
    /// <summary>Gets the pause after each send, in milliseconds.</summary>
    public required int PacingMs { get; init; }

    /// <summary>Gets the records each producer was asked to send.</summary>
    public required int RecordsPerProducer { get; init; }

    /// <summary>Gets the producers.</summary>
    public required IReadOnlyList<PacedProducer> Producers { get; init; }

    /// <summary>Gets the consumers of the one group; <c>partitions</c> is each one's final assignment.</summary>
    public required IReadOnlyList<ConsumerReport> Consumers { get; init; }

    /// <summary>Gets the group's run: members, record ids read and expected.</summary>
    public required GroupRun Group { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> DescribeInvariants() =>
        ["every producer's records are all confirmed by the broker (delivered = records per producer)", .. GroupRun.Criteria];

    /// <inheritdoc/>
    public override IReadOnlyList<string> CheckInvariants(int records) =>
    [
        .. Producers.Where(p => p.Delivered != RecordsPerProducer).Select(p => $"{p.Name}: {p.Delivered} of {RecordsPerProducer} records confirmed."),
        .. Group.Check(),
    ];

    /// <inheritdoc/>
    public override SectionReport ToReport()
    {
        var report = new SectionReport()
            .Finding($"{Consumers.Count} consumers of group {Group.Group} started first; then {Producers.Count} producers each sent {RecordsPerProducer} records "
                + $"with a {PacingMs} ms pause after each send; the broker confirmed {Produced}.")
            .Finding(string.Join("; ", Producers.Select(p => p.Offsets.Count == 1
                ? $"{p.Name}'s {p.Delivered} records (key {p.Key}) all went to partition {p.Offsets[0].Partition}"
                : $"{p.Name}'s records (key {p.Key}) went to partitions {string.Join(", ", p.Offsets.Select(o => o.Partition))}")) + ".")
            .Finding(string.Join("; ", Consumers.Select(Explain)) + ".")
            .Finding(GroupTables.Describe(Group))
            .Background("The default partitioner hashes a record's key to pick its partition, so every record with one key lands in one partition, "
                + "and a consumer group gives each partition to one member at a time: a member receives the records of the keys whose partitions it holds.");
        report.Table(
            "Producers: key and the partition its records went to",
            ["producer", "key", "delivered", "partition", "first offset", "last offset"],
            Producers.SelectMany(p => p.Offsets.Select(o => (IReadOnlyList<object?>)[p.Name, p.Key, p.Delivered, o.Partition, o.First, o.Last])));
        GroupTables.AddMembers(report, [Group]);
        return GroupTables.AddTimeline(report, [Group]);
    }

    private string Explain(ConsumerReport consumer)
    {
        var from = Producers.Where(p => p.Offsets.Any(o => consumer.PerPartition.ContainsKey(o.Partition))).Select(p => p.Name).ToList();
        var parts = consumer.PerPartition.Keys.Order().ToList();
        return parts.Count == 0
            ? $"{consumer.Name} received nothing (it ended holding [{string.Join(", ", consumer.Partitions)}], where no producer's key landed)"
            : $"{consumer.Name} received {consumer.Count} from partition(s) {string.Join(", ", parts)}: the records of {string.Join(" and ", from)}";
    }
}
