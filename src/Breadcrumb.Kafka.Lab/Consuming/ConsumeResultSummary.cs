using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Reports what one <see cref="KeyFilteredConsumer"/> run read: counts per key and partition, order, assignments, why it stopped.</summary>
public sealed record ConsumeResultSummary
{
    /// <summary>Gets the consumer's name (<see cref="KeyFilteredConsumerOptions.Name"/>).</summary>
    public required string ConsumerName { get; init; }

    /// <summary>Gets the consumer group id.</summary>
    public required string GroupId { get; init; }

    /// <summary>Gets the topics read.</summary>
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>Gets the filter's description, e.g. <c>key '1'</c>.</summary>
    public required string FilterDescription { get; init; }

    /// <summary>Gets the number of records the filter kept.</summary>
    public required long Total { get; init; }

    /// <summary>Gets the number of records read but skipped by the filter.</summary>
    public required long Skipped { get; init; }

    /// <summary>Gets the number of records read (kept and skipped).</summary>
    public long Received => Total + Skipped;

    /// <summary>Gets the kept records per key (<see cref="KeyOrderChecker.NullKeyLabel"/> for records without a key).</summary>
    public required IReadOnlyDictionary<string, long> PerKey { get; init; }

    /// <summary>Gets the counts and offset ranges per partition read, ordered by topic and partition.</summary>
    public required IReadOnlyList<PartitionCount> PerPartition { get; init; }

    /// <summary>Gets a value indicating whether order within each key held (offsets strictly increasing per key within a partition).</summary>
    public required bool OrderHeld { get; init; }

    /// <summary>Gets the first order violations (at most <see cref="KeyOrderChecker.MaxViolationsKept"/>).</summary>
    public required IReadOnlyList<KeyOrderViolation> OrderViolations { get; init; }

    /// <summary>Gets every partition the consumer held at some point of the run, ordered by topic and partition.</summary>
    public required IReadOnlyList<TopicPartition> PartitionsAssigned { get; init; }

    /// <summary>Gets the partitions the consumer held when it stopped.</summary>
    public required IReadOnlyList<TopicPartition> FinalAssignment { get; init; }

    /// <summary>Gets each assignment change in order (incremental with the KIP-848 protocol).</summary>
    public required IReadOnlyList<PartitionAssignmentChange> AssignmentHistory { get; init; }

    /// <summary>Gets why the consumer stopped.</summary>
    public required ConsumeStopReason StopReason { get; init; }

    /// <summary>Gets how long the run took.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Gets the distinct client errors reported during the run (non-fatal: the client retried them).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Gets an explanation when nothing was kept, e.g. <c>no record had key '100'</c>; otherwise <see langword="null"/>.</summary>
    public string? Message { get; init; }

    /// <summary>Returns a one-line summary such as <c>consumer0: 215 records (key '1'), 785 skipped, 6 partitions, order held</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        $"{ConsumerName}: {Total} records ({FilterDescription}), {Skipped} skipped, partitions [{string.Join(", ", PartitionsAssigned.Select(p => p.Partition.Value))}], "
        + (OrderHeld ? "order held" : $"order broken ({OrderViolations.Count}+ violations)")
        + $", stopped on {StopReason}" + (Message is null ? string.Empty : $" — {Message}");
}
