namespace Breadcrumb.Kafka.Broker;

/// <summary>One broker of a <see cref="KafkaCluster"/>: its node id and the address it listens on.</summary>
/// <param name="NodeId">The broker's node id, as Metadata reports it.</param>
/// <param name="Host">The address it listens on and advertises.</param>
/// <param name="Port">Its port.</param>
public sealed record KafkaBrokerEndpoint(int NodeId, string Host, int Port);
