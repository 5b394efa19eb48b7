namespace Breadcrumb.Kafka.Samples.MultipleProducers;

/// <summary>One of section D's producers and the offsets the broker gave its records.</summary>
/// <param name="Name">producer0, producer1, …</param>
/// <param name="Key">The key its records carried.</param>
/// <param name="Delivered">The records the broker confirmed.</param>
/// <param name="Offsets">First and last offset per partition.</param>
public sealed record ProducerOffsets(string Name, string Key, long Delivered, IReadOnlyList<PartitionSpan> Offsets);
