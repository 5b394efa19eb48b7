namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>A cluster of three brokers, partition leaders spread across them.</summary>
public sealed class MultiBrokerFixture : IAsyncLifetime
{
    public KafkaCluster Cluster { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Cluster = KafkaCluster.Start(new KafkaClusterOptions { BrokerCount = 3 });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
