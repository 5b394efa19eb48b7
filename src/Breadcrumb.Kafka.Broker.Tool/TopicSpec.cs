namespace Breadcrumb.Kafka.Broker.Tool;

/// <summary>A topic to create at start, from <c>--topic name[:partitions[:key=value,...]]</c>.</summary>
/// <param name="Name">The topic name.</param>
/// <param name="Partitions">Its partition count; null takes <c>--default-partitions</c>.</param>
/// <param name="Configs">Its topic configs (retention.ms, cleanup.policy, ...), in the order given.</param>
internal sealed record TopicSpec(string Name, int? Partitions, IReadOnlyDictionary<string, string> Configs);
