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
        var name = "t-" + Guid.NewGuid().ToString("N");
        Cluster.CreateTopic(name, partitions, configs);
        return name;
    }

    public ProducerConfig ProducerConfig(Action<ProducerConfig>? tweak = null)
    {
        var config = new ProducerConfig { BootstrapServers = BootstrapServers, LingerMs = 0, EnableIdempotence = true, Acks = Acks.All };
        tweak?.Invoke(config);
        return config;
    }

    public ConsumerConfig ConsumerConfig(Action<ConsumerConfig>? tweak = null)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = BootstrapServers,
            GroupId = "g-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        };
        tweak?.Invoke(config);
        return config;
    }
}
