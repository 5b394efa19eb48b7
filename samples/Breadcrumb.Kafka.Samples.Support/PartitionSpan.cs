namespace Breadcrumb.Kafka.Samples;

/// <summary>One partition's share of a producer's records: first and last offset the broker reported.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="First">The first offset delivered.</param>
/// <param name="Last">The last offset delivered.</param>
/// <param name="Count">The records delivered there.</param>
public sealed record PartitionSpan(int Partition, long First, long Last, long Count);
