namespace Breadcrumb.Kafka.Broker.Tests.Clients;

/// <summary>One in-process cluster of two brokers for the kafkajs tests: partition leaders, the controller and the
/// bootstrap broker are not always the same node, so kafkajs has to route by the metadata it reads.</summary>
public sealed class KafkaJsFixture : IAsyncLifetime
{
    public KafkaCluster Cluster { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Cluster = KafkaCluster.Start(new KafkaClusterOptions { BrokerCount = 2 });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
