namespace Breadcrumb.Kafka.Lab;

/// <summary>Reports what each member of a consumer group read in one <see cref="ConsumerGroupRunner"/> run.</summary>
/// <param name="GroupId">The group id.</param>
/// <param name="Consumers">One summary per member, in member order (<c>consumer0</c>, <c>consumer1</c>, …).</param>
public sealed record ConsumerGroupSummary(string GroupId, IReadOnlyList<ConsumeResultSummary> Consumers)
{
    /// <summary>Gets the records kept by all members together.</summary>
    public long Total => Consumers.Sum(c => c.Total);

    /// <summary>Returns one line per member: name, partitions held and count, as the lab's sections E and H report them.</summary>
    /// <returns>The lines.</returns>
    public override string ToString() =>
        $"group {GroupId}: {Total} records" + string.Concat(Consumers.Select(c =>
            $"{Environment.NewLine}  {c.ConsumerName}: partitions [{string.Join(", ", c.PartitionsAssigned.Select(p => p.Partition.Value))}] -> {c.Total} records"));
}
