namespace Breadcrumb.Kafka.Samples.ConsumerGroups;

/// <summary>One producer run of section H: how many records the broker confirmed and where they went.</summary>
/// <param name="Step">The lab step the producer ran in.</param>
/// <param name="Delivered">The records the broker confirmed.</param>
/// <param name="Partitions">First and last offset per partition.</param>
public sealed record Production(string Step, long Delivered, IReadOnlyList<PartitionSpan> Partitions);
