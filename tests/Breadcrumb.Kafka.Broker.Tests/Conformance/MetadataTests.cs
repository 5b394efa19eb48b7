using System.Buffers.Binary;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Protocol;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using ErrorCode = Breadcrumb.Kafka.Broker.Protocol.ErrorCode;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>Metadata: auto-creation when both the broker and the client allow it, illegal names, topic ids (v10+).</summary>
public sealed class MetadataTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task Produce_ToUnknownTopicWithAutoCreateOn_CreatesItAndDelivers()
    {
        var topic = ClusterFixture.NewTopicName();
        using var producer = new ProducerBuilder<Null, string>(fixture.ProducerConfig()).Build();

        var report = await producer.ProduceAsync(topic, new Message<Null, string> { Value = "first" }, TestContext.Current.CancellationToken);

        report.Status.Should().Be(PersistenceStatus.Persisted);
        fixture.Cluster.DescribeTopic(topic)!.Partitions.Should().HaveCount(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task Consumer_WithAllowAutoCreateTopics_CreatesTheTopicItIsAssigned()
    {
        var topic = ClusterFixture.NewTopicName();
        using var consumer = new ConsumerBuilder<Ignore, string>(fixture.ConsumerConfig(c => c.AllowAutoCreateTopics = true)).Build();

        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        consumer.Consume(TimeSpan.FromMilliseconds(100));

        await Eventually.WaitUntilAsync(() => fixture.Cluster.TopicNames.Contains(topic), "the consumer's metadata request creates the topic");
    }

    [Theory(Timeout = 30_000)]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, false)]
    public async Task Metadata_UnknownTopic_IsCreatedOnlyWhenBrokerAndClientAllow(bool brokerAllows, bool clientAllows, bool created)
    {
        await using var cluster = KafkaCluster.Start(new KafkaClusterOptions { AutoCreateTopics = brokerAllows, DefaultPartitions = 3 });
        await using var connection = await RawKafkaConnection.ConnectAsync(cluster);
        var topic = ClusterFixture.NewTopicName();

        var response = await connection.SendAsync<MetadataResponse>(new MetadataRequest { Topics = [new() { Name = topic }], AllowAutoTopicCreation = clientAllows }, 12);

        var info = response.Topics.Single();
        info.Name.Should().Be(topic);
        if (created)
        {
            info.ErrorCode.Should().Be(0);
            info.Partitions.Should().HaveCount(3, "auto-created topics take KafkaClusterOptions.DefaultPartitions");
            cluster.TopicNames.Should().Contain(topic);
        }
        else
        {
            info.ErrorCode.Should().Be((short)ErrorCode.UnknownTopicOrPartition);
            cluster.TopicNames.Should().NotContain(topic);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Metadata_IllegalTopicName_IsInvalidTopicAndNotCreated()
    {
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);

        var response = await connection.SendAsync<MetadataResponse>(new MetadataRequest { Topics = [new() { Name = "a b" }, new() { Name = ".." }], AllowAutoTopicCreation = true }, 12);

        response.Topics.Should().AllSatisfy(t => t.ErrorCode.Should().Be((short)ErrorCode.InvalidTopicException));
        fixture.Cluster.TopicNames.Should().NotContain(["a b", ".."]);
    }

    [Fact(Timeout = 30_000)]
    public async Task Metadata_V10AndLater_CarriesTopicIdsAndFindsTopicsById()
    {
        var topic = fixture.CreateTopic(2);
        var id = fixture.Cluster.DescribeTopic(topic)!.TopicId;
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);

        var byName = await connection.SendAsync<MetadataResponse>(new MetadataRequest { Topics = [new() { Name = topic }] }, 10);
        var byId = await connection.SendAsync<MetadataResponse>(new MetadataRequest { Topics = [new() { TopicId = id }, new() { TopicId = Guid.NewGuid() }] }, 12);

        id.Should().NotBe(Guid.Empty);
        byName.Topics.Single().TopicId.Should().Be(id);
        byId.Topics[0].Name.Should().Be(topic);
        byId.Topics[0].Partitions.Should().HaveCount(2);
        byId.Topics[1].ErrorCode.Should().Be((short)ErrorCode.UnknownTopicId);
    }

    [Fact(Timeout = 30_000)]
    public async Task DescribeTopicsAsync_Confluent_ReportsTheSameTopicIdAndLeaders()
    {
        var topic = fixture.CreateTopic(3);
        var described = fixture.Cluster.DescribeTopic(topic)!;
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        var result = (await admin.DescribeTopicsAsync(TopicCollection.OfTopicNames([topic]))).TopicDescriptions.Single();

        var bytes = described.TopicId.ToByteArray(bigEndian: true);
        (result.TopicId.MostSignificantBits, result.TopicId.LeastSignificantBits).Should().Be(
            (BinaryPrimitives.ReadInt64BigEndian(bytes), BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(8))));
        result.Partitions.Select(p => p.Leader.Id).Should().Equal(described.Partitions.Select(p => p.Leader));
    }

    [Fact(Timeout = 30_000)]
    public async Task Metadata_AllTopics_ListsEveryTopicAndTheController()
    {
        var topic = fixture.CreateTopic();
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);

        var response = await connection.SendAsync<MetadataResponse>(new MetadataRequest { Topics = null }, 12);

        response.Topics.Select(t => t.Name).Should().Contain(topic);
        response.ClusterId.Should().Be(fixture.Cluster.ClusterId);
        response.ControllerId.Should().Be(fixture.Cluster.Brokers[0].NodeId);
        response.Brokers.Single().Port.Should().Be(fixture.Cluster.Brokers[0].Port);
    }
}
