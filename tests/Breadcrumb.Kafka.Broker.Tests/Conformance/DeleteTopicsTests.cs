using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Protocol;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>DeleteTopics by name and by id: the topic and its records go at once, and the name can be used again.</summary>
public sealed class DeleteTopicsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task DeleteTopicsAsync_ExistingTopic_RemovesItAndGivesItsBytesBack()
    {
        var topic = fixture.CreateTopic(2);
        using (var producer = new ProducerBuilder<Null, byte[]>(fixture.ProducerConfig()).Build())
        {
            await producer.ProduceAsync(topic, new Message<Null, byte[]> { Value = new byte[5000] }, TestContext.Current.CancellationToken);
        }

        var before = fixture.Cluster.StoredBytes;
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        await admin.DeleteTopicsAsync([topic]);

        fixture.Cluster.TopicNames.Should().NotContain(topic);
        fixture.Cluster.StoredBytes.Should().BeLessThanOrEqualTo(before - 5000);
        admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics.Select(t => t.Topic).Should().NotContain(topic);
    }

    [Fact(Timeout = 30_000)]
    public async Task DeleteTopicsAsync_UnknownTopic_IsUnknownTopicOrPartition()
    {
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        var delete = () => admin.DeleteTopicsAsync([ClusterFixture.NewTopicName()]);

        (await delete.Should().ThrowAsync<DeleteTopicsException>()).Which.Results.Single().Error.Code.Should().Be(ErrorCode.UnknownTopicOrPart);
    }

    [Fact(Timeout = 30_000)]
    public async Task DeleteTopics_ByTopicId_DeletesThatTopic()
    {
        var topic = fixture.CreateTopic();
        var id = fixture.Cluster.DescribeTopic(topic)!.TopicId;
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);

        var response = await connection.SendAsync<DeleteTopicsResponse>(new DeleteTopicsRequest
        {
            TimeoutMs = 5000,
            Topics = [new DeleteTopicsRequest.TopicToDelete { TopicId = id }, new DeleteTopicsRequest.TopicToDelete { TopicId = Guid.NewGuid() }],
        }, 6);

        response.Responses[0].ErrorCode.Should().Be(0);
        response.Responses[0].Name.Should().Be(topic);
        response.Responses[1].ErrorCode.Should().Be((short)Broker.Protocol.ErrorCode.UnknownTopicId);
        fixture.Cluster.TopicNames.Should().NotContain(topic);
    }

    [Fact(Timeout = 30_000)]
    public async Task CreateTopic_AfterDeletingTheSameName_IsANewEmptyTopicWithANewId()
    {
        var topic = fixture.CreateTopic();
        var oldId = fixture.Cluster.DescribeTopic(topic)!.TopicId;
        using (var producer = new ProducerBuilder<Null, string>(fixture.ProducerConfig()).Build())
        {
            await producer.ProduceAsync(topic, new Message<Null, string> { Value = "old" }, TestContext.Current.CancellationToken);
        }

        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();
        await admin.DeleteTopicsAsync([topic]);
        await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = 1, ReplicationFactor = 1 }]);

        var recreated = fixture.Cluster.DescribeTopic(topic)!;
        recreated.TopicId.Should().NotBe(oldId);
        recreated.Partitions[0].HighWatermark.Should().Be(0);
    }
}
