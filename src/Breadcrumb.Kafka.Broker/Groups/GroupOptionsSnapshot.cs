namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>The group coordinator's settings, taken from <see cref="KafkaClusterOptions"/> when the cluster starts.</summary>
internal sealed record GroupOptionsSnapshot(
    TimeSpan InitialRebalanceDelay,
    TimeSpan MinSessionTimeout,
    TimeSpan MaxSessionTimeout,
    TimeSpan ConsumerHeartbeatInterval,
    TimeSpan ConsumerSessionTimeout,
    int MaxOffsetMetadataBytes = 4096);
