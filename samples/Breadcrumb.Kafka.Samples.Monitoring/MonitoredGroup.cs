namespace Breadcrumb.Kafka.Samples.Monitoring;

/// <summary>One consumer group in a <see cref="MonitoringSnapshot"/>.</summary>
/// <param name="Group">The group id.</param>
/// <param name="Committed">Records the group has committed past, summed over partitions.</param>
/// <param name="Lag">Records the group has still to read.</param>
public sealed record MonitoredGroup(string Group, long Committed, long Lag);
