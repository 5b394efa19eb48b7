using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>CreatePartitions: a topic grows and the new partitions serve at once; Kafka never shrinks one.</summary>
public sealed class CreatePartitionsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task CreatePartitionsAsync_Grow_NewPartitionsServeProduceAndFetch()
    {
        var topic = fixture.CreateTopic(1);
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        await admin.CreatePartitionsAsync([new PartitionsSpecification { Topic = topic, IncreaseTo = 4 }]);

        admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Should().HaveCount(4);
        using (var producer = new ProducerBuilder<Null, string>(fixture.ProducerConfig()).Build())
        {
            var report = await producer.ProduceAsync(new TopicPartition(topic, 3), new Message<Null, string> { Value = "in p3" }, TestContext.Current.CancellationToken);
            report.Offset.Value.Should().Be(0);
        }

        using var consumer = new ConsumerBuilder<Ignore, string>(fixture.ConsumerConfig()).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 3, Offset.Beginning));
        TestClients.ConsumeExactly(consumer, 1).Single().Message.Value.Should().Be("in p3");
    }

    [Theory(Timeout = 30_000)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task CreatePartitionsAsync_FewerOrSameCount_IsInvalidPartitions(int count)
    {
        var topic = fixture.CreateTopic(3);
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        var shrink = () => admin.CreatePartitionsAsync([new PartitionsSpecification { Topic = topic, IncreaseTo = count }]);

        (await shrink.Should().ThrowAsync<CreatePartitionsException>()).Which.Results.Single().Error.Code.Should().Be(ErrorCode.InvalidPartitions);
        fixture.Cluster.DescribeTopic(topic)!.Partitions.Should().HaveCount(3);
    }

    [Fact(Timeout = 30_000)]
    public async Task CreatePartitionsAsync_UnknownTopic_IsUnknownTopicOrPartition()
    {
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        var grow = () => admin.CreatePartitionsAsync([new PartitionsSpecification { Topic = ClusterFixture.NewTopicName(), IncreaseTo = 2 }]);

        (await grow.Should().ThrowAsync<CreatePartitionsException>()).Which.Results.Single().Error.Code.Should().Be(ErrorCode.UnknownTopicOrPart);
    }

    [Fact(Timeout = 30_000)]
    public async Task CreatePartitionsAsync_ValidateOnly_ChecksWithoutGrowing()
    {
        var topic = fixture.CreateTopic(1);
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        await admin.CreatePartitionsAsync([new PartitionsSpecification { Topic = topic, IncreaseTo = 5 }], new CreatePartitionsOptions { ValidateOnly = true });

        fixture.Cluster.DescribeTopic(topic)!.Partitions.Should().HaveCount(1);
    }
}
