namespace Breadcrumb.Kafka.Lab;

/// <summary>Reports a <see cref="TopicCleaner.DrainAsync"/>: how many records were read and discarded, and where.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="GroupId">The group whose offsets now point at the end of the topic.</param>
/// <param name="Discarded">Records read and discarded.</param>
/// <param name="PerPartition">Counts and offset ranges per partition that had records.</param>
/// <param name="StopReason">Why draining stopped (<see cref="ConsumeStopReason.EndOfPartitions"/> when everything present was read).</param>
public sealed record TopicDrainResult(string Topic, string GroupId, long Discarded, IReadOnlyList<PartitionCount> PerPartition, ConsumeStopReason StopReason);
