namespace Breadcrumb.Kafka.Samples.Keys;

/// <summary>One filtered read of section F: a key (or key set) and what a consumer kept.</summary>
/// <param name="Filter">The keys asked for.</param>
/// <param name="Kept">The records with those keys.</param>
/// <param name="Skipped">The records read and skipped by the filter.</param>
/// <param name="Partitions">The partitions the kept records came from.</param>
/// <param name="OrderHeld">Whether offsets increased within each key.</param>
/// <param name="Seconds">How long the read took.</param>
/// <param name="StopReason">Why the consumer stopped, e.g. EndOfPartitions.</param>
public sealed record KeyRead(string Filter, long Kept, long Skipped, IReadOnlyList<int> Partitions, bool OrderHeld, double Seconds, string StopReason);
