namespace Breadcrumb.Kafka.Samples;

/// <summary>One change of a consumer's partitions, and what it held afterwards (sections E and H's timeline).</summary>
/// <param name="Seconds">Seconds since the consumer started.</param>
/// <param name="Change">"assigned", "revoked" or "lost".</param>
/// <param name="Partitions">The partitions added or removed by the change.</param>
/// <param name="Held">The partitions the consumer held after the change.</param>
public sealed record AssignmentStep(double Seconds, string Change, IReadOnlyList<int> Partitions, IReadOnlyList<int> Held);
