using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>Three brokers in one cluster: leaders spread over them, and clients follow each partition to its leader.</summary>
public sealed class MultiBrokerTests(MultiBrokerFixture fixture) : IClassFixture<MultiBrokerFixture>
{
    [Fact(Timeout = 30_000)]
    public void GetMetadata_ThreeBrokers_ListsEveryBrokerAndSpreadsLeaders()
    {
        var topic = ClusterFixture.NewTopicName();
        fixture.Cluster.CreateTopic(topic, 6);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = fixture.Cluster.BootstrapServers }).Build();

        var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));

        metadata.Brokers.Select(b => b.BrokerId).Should().BeEquivalentTo(fixture.Cluster.Brokers.Select(b => b.NodeId));
        metadata.Brokers.Select(b => b.Port).Should().OnlyHaveUniqueItems();
        var partitions = metadata.Topics.Single().Partitions;
        partitions.Should().HaveCount(6);
        partitions.Select(p => p.Leader).Distinct().Should().BeEquivalentTo(fixture.Cluster.Brokers.Select(b => b.NodeId), "six partitions spread over three brokers");
        partitions.Should().AllSatisfy(p => p.Leader.Should().Be(fixture.Cluster.DescribeTopic(topic)!.Partitions[p.PartitionId].Leader));
    }

    [Fact(Timeout = 30_000)]
    public async Task ProduceAndConsume_PartitionsOnEveryBroker_ClientsFollowTheLeaders()
    {
        var topic = ClusterFixture.NewTopicName();
        fixture.Cluster.CreateTopic(topic, 6);
        // Bootstrap from the last broker only: the clients must learn the others from Metadata.
        var last = fixture.Cluster.Brokers[^1];
        var bootstrap = $"{last.Host}:{last.Port}";
        using (var producer = new ProducerBuilder<Null, string>(TestClients.ProducerConfig(bootstrap)).Build())
        {
            var reports = await Task.WhenAll(Enumerable.Range(0, 6).SelectMany(p => Enumerable.Range(0, 3).Select(i =>
                producer.ProduceAsync(new TopicPartition(topic, p), new Message<Null, string> { Value = $"p{p}-{i}" }, TestContext.Current.CancellationToken))));
            reports.Should().AllSatisfy(r => r.Status.Should().Be(PersistenceStatus.Persisted));
        }

        var description = fixture.Cluster.DescribeTopic(topic)!;
        description.Partitions.Should().AllSatisfy(p => p.HighWatermark.Should().Be(3));
        using var consumer = new ConsumerBuilder<Ignore, string>(TestClients.ConsumerConfig(bootstrap)).Build();
        consumer.Assign(Enumerable.Range(0, 6).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var values = TestClients.ConsumeExactly(consumer, 18).Select(r => r.Message.Value);

        values.Should().BeEquivalentTo(Enumerable.Range(0, 6).SelectMany(p => Enumerable.Range(0, 3).Select(i => $"p{p}-{i}")));
    }
}
