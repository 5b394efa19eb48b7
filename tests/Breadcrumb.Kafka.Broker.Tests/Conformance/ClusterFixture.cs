using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>One in-process cluster per test class; each test takes a fresh topic.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public KafkaCluster Cluster { get; private set; } = null!;

    public string BootstrapServers => Cluster.BootstrapServers;

    public ValueTask InitializeAsync()
    {
        Cluster = KafkaCluster.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();

    public string CreateTopic(int partitions = 1, IReadOnlyDictionary<string, string>? configs = null)
    {
        var name = NewTopicName();
        Cluster.CreateTopic(name, partitions, configs);
        return name;
    }

    public static string NewTopicName() => "t-" + Guid.NewGuid().ToString("N");

    public ProducerConfig ProducerConfig(Action<ProducerConfig>? tweak = null) => TestClients.ProducerConfig(BootstrapServers, tweak);

    public ConsumerConfig ConsumerConfig(Action<ConsumerConfig>? tweak = null) => TestClients.ConsumerConfig(BootstrapServers, tweak);

    public AdminClientConfig AdminConfig() => new() { BootstrapServers = BootstrapServers };
}
