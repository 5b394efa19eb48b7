using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Checks what a read_committed consumer saw against what transactions wrote: per topic, which committed records were
/// seen, missed or seen twice, and which aborted or still-open records leaked. It reports what it is given; it never
/// passes by construction.
/// </summary>
/// <remarks>Pure: no broker, no clock. Positions are compared by topic, partition and offset.</remarks>
public static class ReadCommittedVerifier
{
    /// <summary>Verifies a consumer's records against a producer's run summary.</summary>
    /// <param name="summary">The run: its committed records must be seen once each, its aborted and failed ones never.</param>
    /// <param name="consumed">The position of every record the consumer returned, duplicates included.</param>
    /// <param name="openRecords">Records of transactions still open when the consumer read, which it must not see; <see langword="null"/> for none.</param>
    /// <returns>The per-topic report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> or <paramref name="consumed"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">One position is in two of the committed, aborted and open sets.</exception>
    public static ReadCommittedReport Verify(
        TransactionRunSummary summary, IEnumerable<TopicPartitionOffset> consumed, IEnumerable<TopicPartitionOffset>? openRecords = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Verify(
            summary.CommittedRecords.Select(r => r.ToTopicPartitionOffset()),
            summary.AbortedRecords.Select(r => r.ToTopicPartitionOffset()),
            openRecords ?? [],
            consumed);
    }

    /// <summary>Verifies a consumer's records against explicit sets of committed, aborted and open positions.</summary>
    /// <param name="committed">Positions of committed records.</param>
    /// <param name="aborted">Positions of aborted records.</param>
    /// <param name="open">Positions of records of still-open transactions.</param>
    /// <param name="consumed">The position of every record the consumer returned, duplicates included.</param>
    /// <returns>The per-topic report.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">One position is in two of the committed, aborted and open sets.</exception>
    public static ReadCommittedReport Verify(
        IEnumerable<TopicPartitionOffset> committed,
        IEnumerable<TopicPartitionOffset> aborted,
        IEnumerable<TopicPartitionOffset> open,
        IEnumerable<TopicPartitionOffset> consumed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        ArgumentNullException.ThrowIfNull(aborted);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(consumed);

        var kinds = new Dictionary<Position, Kind>();
        Add(kinds, committed, Kind.Committed);
        Add(kinds, aborted, Kind.Aborted);
        Add(kinds, open, Kind.Open);

        var seenCount = new Dictionary<Position, int>();
        foreach (var position in consumed.Select(Position.Of))
        {
            seenCount[position] = seenCount.GetValueOrDefault(position) + 1;
        }

        var topics = kinds.Keys.Select(p => p.Topic).Concat(seenCount.Keys.Select(p => p.Topic)).Distinct(StringComparer.Ordinal);
        var reports = topics.ToDictionary(t => t, t => ForTopic(t, kinds, seenCount), StringComparer.Ordinal);
        return new ReadCommittedReport(reports);
    }

    private static TopicReadCommittedReport ForTopic(string topic, Dictionary<Position, Kind> kinds, Dictionary<Position, int> seenCount)
    {
        var committed = kinds.Where(k => k.Key.Topic == topic && k.Value == Kind.Committed).Select(k => k.Key).ToList();
        var seen = seenCount.Where(s => s.Key.Topic == topic).ToList();
        return new TopicReadCommittedReport(
            topic,
            Sorted(committed),
            Sorted(committed.Where(seenCount.ContainsKey)),
            Sorted(committed.Where(p => !seenCount.ContainsKey(p))),
            Sorted(seen.Where(s => s.Value > 1 && kinds.GetValueOrDefault(s.Key) == Kind.Committed).Select(s => s.Key)),
            Sorted(seen.Where(s => kinds.GetValueOrDefault(s.Key) == Kind.Aborted).Select(s => s.Key)),
            Sorted(seen.Where(s => kinds.GetValueOrDefault(s.Key) == Kind.Open).Select(s => s.Key)),
            Sorted(seen.Where(s => !kinds.ContainsKey(s.Key)).Select(s => s.Key)));
    }

    private static void Add(Dictionary<Position, Kind> kinds, IEnumerable<TopicPartitionOffset> positions, Kind kind)
    {
        foreach (var position in positions.Select(Position.Of))
        {
            if (kinds.TryGetValue(position, out var existing) && existing != kind)
            {
                throw new ArgumentException(
                    $"{position} is given as both {existing} and {kind}; one record belongs to exactly one transaction. Check the sets passed in.",
                    kind.ToString().ToLowerInvariant());
            }

            kinds[position] = kind;
        }
    }

    private static TopicPartitionOffset[] Sorted(IEnumerable<Position> positions) =>
        [.. positions.OrderBy(p => p.Partition).ThenBy(p => p.Offset).Select(p => new TopicPartitionOffset(p.Topic, new Partition(p.Partition), new Offset(p.Offset)))];

    private enum Kind
    {
        None,
        Committed,
        Aborted,
        Open,
    }

    private readonly record struct Position(string Topic, int Partition, long Offset)
    {
        public static Position Of(TopicPartitionOffset tpo)
        {
            ArgumentNullException.ThrowIfNull(tpo);
            return new Position(tpo.Topic, tpo.Partition.Value, tpo.Offset.Value);
        }

        public override string ToString() => $"{Topic} [{Partition}] @{Offset}";
    }
}
