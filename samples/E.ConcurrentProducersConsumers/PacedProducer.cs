namespace Breadcrumb.Kafka.Samples.Concurrent;

/// <summary>One of section E's paced producers.</summary>
/// <param name="Name">producer0, producer1, …</param>
/// <param name="Key">The key of its records.</param>
/// <param name="Delivered">The records the broker confirmed.</param>
/// <param name="Offsets">First and last offset per partition.</param>
public sealed record PacedProducer(string Name, string Key, long Delivered, IReadOnlyList<PartitionSpan> Offsets);
