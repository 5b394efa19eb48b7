using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Reports, for one topic, what a read_committed consumer saw against what the transactions wrote.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Committed">Every committed record written to the topic.</param>
/// <param name="Seen">Committed records the consumer saw (at least once).</param>
/// <param name="Missed">Committed records the consumer never saw.</param>
/// <param name="SeenTwice">Committed records the consumer saw more than once (each listed once).</param>
/// <param name="LeakedAborted">Records of aborted (or failed) transactions the consumer saw: a read_committed consumer must not.</param>
/// <param name="LeakedOpen">Records of still-open transactions the consumer saw: a read_committed consumer must not.</param>
/// <param name="Unexpected">Consumed records that belong to none of the given transactions (another producer's, for example).</param>
public sealed record TopicReadCommittedReport(
    string Topic,
    IReadOnlyList<TopicPartitionOffset> Committed,
    IReadOnlyList<TopicPartitionOffset> Seen,
    IReadOnlyList<TopicPartitionOffset> Missed,
    IReadOnlyList<TopicPartitionOffset> SeenTwice,
    IReadOnlyList<TopicPartitionOffset> LeakedAborted,
    IReadOnlyList<TopicPartitionOffset> LeakedOpen,
    IReadOnlyList<TopicPartitionOffset> Unexpected)
{
    /// <summary>Gets a value indicating whether the consumer saw exactly the committed records, each once, and nothing else.</summary>
    public bool OnlyCommittedSeen =>
        Missed.Count == 0 && SeenTwice.Count == 0 && LeakedAborted.Count == 0 && LeakedOpen.Count == 0 && Unexpected.Count == 0;

    /// <summary>Returns one line of counts, with the first offsets of each problem.</summary>
    /// <returns>For example <c>t1: 44 committed, 44 seen, 0 missed, 0 seen twice, 0 aborted leaked, 0 open leaked, 0 unexpected</c>.</returns>
    public override string ToString()
    {
        var line = $"{Topic}: {Committed.Count} committed, {Seen.Count} seen, {Missed.Count} missed, {SeenTwice.Count} seen twice, "
            + $"{LeakedAborted.Count} aborted leaked, {LeakedOpen.Count} open leaked, {Unexpected.Count} unexpected";
        return line + Sample("missed", Missed) + Sample("seen twice", SeenTwice) + Sample("aborted leaked", LeakedAborted)
            + Sample("open leaked", LeakedOpen) + Sample("unexpected", Unexpected);
    }

    private static string Sample(string what, IReadOnlyList<TopicPartitionOffset> positions) =>
        positions.Count == 0
            ? string.Empty
            : $"; {what}: {string.Join(", ", positions.Take(5).Select(p => $"[{p.Partition.Value}]@{p.Offset.Value}"))}{(positions.Count > 5 ? ", …" : string.Empty)}";
}
