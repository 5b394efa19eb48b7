using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab.Consuming.Internal;

/// <summary>Accumulates one run's counts, order, assignments and warnings; used only on the consume loop's thread.</summary>
internal sealed class ConsumeTally
{
    private readonly Dictionary<(string Topic, int Partition), PartitionTally> partitions = [];
    private readonly Dictionary<(string Topic, int Partition), PartitionTally> assigned = [];
    private readonly HashSet<(string Topic, int Partition)> everAssigned = [];
    private readonly List<PartitionAssignmentChange> history = [];
    private readonly List<string> warnings = [];
    private PartitionTally? last;
    private List<TopicPartition>? finalAssignment;

    public KeyOrderChecker Order { get; } = new();

    public long Kept { get; private set; }

    public long Skipped { get; private set; }

    public int AssignedCount => assigned.Count;

    public bool AllAssignedAtEnd => assigned.Count > 0 && assigned.Values.All(p => p.AtEnd);

    public PartitionTally Partition(string topic, int partition)
    {
        if (last is not null && last.Partition == partition && string.Equals(last.Topic, topic, StringComparison.Ordinal))
        {
            return last;
        }

        if (!partitions.TryGetValue((topic, partition), out var tally))
        {
            tally = new PartitionTally(topic, partition);
            partitions.Add((topic, partition), tally);
        }

        last = tally;
        return tally;
    }

    public void Keep(PartitionTally partition, string? key, long offset)
    {
        partition.Saw(offset);
        partition.Kept++;
        Kept++;
        Order.Observe(partition.Topic, partition.Partition, key, offset);
    }

    public void Skip(PartitionTally partition, long offset)
    {
        partition.Saw(offset);
        partition.Skipped++;
        Skipped++;
    }

    public IEnumerable<PartitionTally> Assigned => assigned.Values;

    public PartitionTally? Find(string topic, int partition) => partitions.GetValueOrDefault((topic, partition));

    public void AtEnd(string topic, int partition) => Partition(topic, partition).AtEnd = true;

    public void OnAssigned(TimeSpan elapsed, IReadOnlyCollection<TopicPartition> added)
    {
        history.Add(new PartitionAssignmentChange(elapsed, PartitionAssignmentKind.Assigned, Sorted(added)));
        foreach (var tp in added)
        {
            var tally = Partition(tp.Topic, tp.Partition.Value);

            // A partition (re)assigned has not been read to its end by this member yet.
            tally.AtEnd = false;
            assigned[(tp.Topic, tp.Partition.Value)] = tally;
            everAssigned.Add((tp.Topic, tp.Partition.Value));
        }
    }

    public void OnRemoved(TimeSpan elapsed, IReadOnlyCollection<TopicPartition> removed, bool lost)
    {
        history.Add(new PartitionAssignmentChange(elapsed, lost ? PartitionAssignmentKind.Lost : PartitionAssignmentKind.Revoked, Sorted(removed)));
        foreach (var tp in removed)
        {
            assigned.Remove((tp.Topic, tp.Partition.Value));
        }
    }

    /// <summary>Records the assignment held when the run stopped, before closing revokes it.</summary>
    public void CaptureFinalAssignment() =>
        finalAssignment = Sorted(assigned.Keys.Select(p => new TopicPartition(p.Topic, p.Partition)));

    public void Warn(string reason)
    {
        if (warnings.Count < 20 && !warnings.Contains(reason))
        {
            warnings.Add(reason);
        }
    }

    public ConsumeResultSummary ToSummary(KeyFilteredConsumerOptions options, ConsumeStopReason reason, TimeSpan elapsed)
    {
        var topics = options.AllTopics();
        return new ConsumeResultSummary
        {
            ConsumerName = options.Name,
            GroupId = options.GroupId!,
            Topics = topics,
            FilterDescription = options.Filter.Description,
            Total = Kept,
            Skipped = Skipped,
            PerKey = Order.CountsByKey(),
            PerPartition = partitions.Values.Where(p => p.Kept + p.Skipped > 0)
                .OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition).Select(p => p.ToCount()).ToList(),
            OrderHeld = Order.Held,
            OrderViolations = Order.Violations.ToList(),
            PartitionsAssigned = Sorted(everAssigned.Select(p => new TopicPartition(p.Topic, p.Partition)).ToList()),
            FinalAssignment = finalAssignment ?? Sorted(assigned.Keys.Select(p => new TopicPartition(p.Topic, p.Partition))),
            AssignmentHistory = history.ToList(),
            StopReason = reason,
            Elapsed = elapsed,
            Warnings = warnings.ToList(),
            Message = Kept > 0 ? null : NothingKeptMessage(options, topics, reason, Skipped),
        };
    }

    private static string NothingKeptMessage(KeyFilteredConsumerOptions options, IReadOnlyList<string> topics, ConsumeStopReason reason, long skipped)
    {
        var where = string.Join(", ", topics.Select(t => $"'{t}'"));
        var why = reason switch
        {
            ConsumeStopReason.IdleTimeout => $"stopped after {options.IdleTimeout.TotalSeconds:0.#} s with nothing new",
            ConsumeStopReason.EndOfPartitions => "stopped at the end of every partition",
            _ => "stopped on cancellation",
        };
        return skipped > 0 || options.Filter is not Filtering.Internal.AnyFilter
            ? $"no record had {options.Filter.Description} ({skipped} other records read from {where}; {why})"
            : $"no record was read from {where} ({why})";
    }

    private static List<TopicPartition> Sorted(IEnumerable<TopicPartition> partitions) =>
        partitions.OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition.Value).ToList();
}
