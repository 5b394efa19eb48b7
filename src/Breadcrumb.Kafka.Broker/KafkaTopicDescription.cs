namespace Breadcrumb.Kafka.Broker;

/// <summary>A topic of a <see cref="KafkaCluster"/> at one moment.</summary>
/// <param name="Name">The topic's name.</param>
/// <param name="TopicId">The topic's id, as Metadata v10+ reports it.</param>
/// <param name="Partitions">Its partitions, in order.</param>
public sealed record KafkaTopicDescription(string Name, Guid TopicId, IReadOnlyList<KafkaPartitionDescription> Partitions);

/// <summary>A partition at one moment.</summary>
/// <param name="Partition">The partition's index.</param>
/// <param name="Leader">The node id of the broker that leads it.</param>
/// <param name="LogStartOffset">The first offset still stored (the low watermark).</param>
/// <param name="HighWatermark">The offset the next record gets.</param>
/// <param name="SizeBytes">The bytes its batches take.</param>
public sealed record KafkaPartitionDescription(int Partition, int Leader, long LogStartOffset, long HighWatermark, long SizeBytes);
