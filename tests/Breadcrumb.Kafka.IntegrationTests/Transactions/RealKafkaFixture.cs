using Confluent.Kafka;
using Confluent.Kafka.Admin;
using DotNet.Testcontainers.Builders;
using Testcontainers.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Transactions;

/// <summary>
/// A real Kafka broker for the class: the cluster named by <c>KAFKA_BOOTSTRAP_SERVERS</c> if set, else a Testcontainers
/// Kafka if Docker works, else none (with the reason, for <c>Assert.Skip</c>).
/// </summary>
public sealed class RealKafkaFixture : IAsyncLifetime
{
    public const string Image = "confluentinc/cp-kafka:7.5.12";

    private KafkaContainer? container;

    public KafkaConnection? Connection { get; private set; }

    public string Name { get; private set; } = "none";

    public string? UnavailableReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var bootstrap = Environment.GetEnvironmentVariable("KAFKA_BOOTSTRAP_SERVERS");
        if (!string.IsNullOrWhiteSpace(bootstrap))
        {
            Connection = KafkaConnection.FromBootstrapServers(bootstrap);
            Name = $"KAFKA_BOOTSTRAP_SERVERS={bootstrap}";
            return;
        }

        try
        {
            container = new KafkaBuilder(Image).Build();
            await container.StartAsync(TestContext.Current.CancellationToken);
            Connection = KafkaConnection.FromBootstrapServers(container.GetBootstrapAddress());
            Name = $"Testcontainers {Image}";
        }
        catch (DockerUnavailableException ex)
        {
            UnavailableReason = $"no real Kafka: set KAFKA_BOOTSTRAP_SERVERS or run Docker ({ex.Message.Split('\n')[0].Trim()})";
        }
    }

    public async Task<string> CreateTopicAsync(int partitions)
    {
        var topic = $"scenario-{Guid.NewGuid():N}";
        using var admin = new AdminClientBuilder(Connection!.CreateAdminConfig()).Build();

        // Replication factor -1 takes the broker's default, so the same code suits one container and a 3-broker cloud cluster.
        await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = -1 }]);
        return topic;
    }

    public async ValueTask DisposeAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }
}
