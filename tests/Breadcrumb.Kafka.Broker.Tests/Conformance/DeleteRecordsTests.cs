using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>DeleteRecords: moves the low watermark forward (-1: to the high watermark), never back, never past the high watermark.</summary>
public sealed class DeleteRecordsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task DeleteRecordsAsync_ToAnOffset_ConsumersStartThere()
    {
        var topic = await TopicWithRecordsAsync(10);
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        var result = await admin.DeleteRecordsAsync([new TopicPartitionOffset(topic, 0, 6)]);

        result.Single().Offset.Value.Should().Be(6, "the answer is the new low watermark");
        fixture.Cluster.DescribeTopic(topic)!.Partitions[0].LogStartOffset.Should().Be(6);
        using var consumer = new ConsumerBuilder<Ignore, string>(fixture.ConsumerConfig()).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        TestClients.ConsumeExactly(consumer, 4).Select(r => r.Offset.Value).Should().Equal(6, 7, 8, 9);
    }

    [Fact(Timeout = 30_000)]
    public async Task DeleteRecordsAsync_MinusOne_DeletesUpToTheHighWatermark()
    {
        var topic = await TopicWithRecordsAsync(5);
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        var result = await admin.DeleteRecordsAsync([new TopicPartitionOffset(topic, 0, Offset.End)]);

        result.Single().Offset.Value.Should().Be(5);
        var partition = fixture.Cluster.DescribeTopic(topic)!.Partitions[0];
        partition.LogStartOffset.Should().Be(5);
        partition.SizeBytes.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task DeleteRecordsAsync_BelowTheLowWatermark_LeavesItWhereItIs()
    {
        var topic = await TopicWithRecordsAsync(10);
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();
        await admin.DeleteRecordsAsync([new TopicPartitionOffset(topic, 0, 7)]);

        var result = await admin.DeleteRecordsAsync([new TopicPartitionOffset(topic, 0, 3)]);

        result.Single().Offset.Value.Should().Be(7, "the low watermark never moves back");
        fixture.Cluster.DescribeTopic(topic)!.Partitions[0].LogStartOffset.Should().Be(7);
    }

    [Fact(Timeout = 30_000)]
    public async Task DeleteRecordsAsync_BeyondTheHighWatermark_IsOffsetOutOfRange()
    {
        var topic = await TopicWithRecordsAsync(3);
        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();

        var delete = () => admin.DeleteRecordsAsync([new TopicPartitionOffset(topic, 0, 4)]);

        (await delete.Should().ThrowAsync<DeleteRecordsException>()).Which.Results.Single().Error.Code.Should().Be(ErrorCode.OffsetOutOfRange);
        fixture.Cluster.DescribeTopic(topic)!.Partitions[0].LogStartOffset.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task DeleteRecordsAsync_InsideABatch_HidesTheEarlierRecordsOfThatBatch()
    {
        var topic = fixture.CreateTopic();
        using (var producer = new ProducerBuilder<Null, string>(fixture.ProducerConfig(c => c.LingerMs = 50)).Build())
        {
            await Task.WhenAll(Enumerable.Range(0, 6).Select(i => producer.ProduceAsync(topic, new Message<Null, string> { Value = $"v{i}" }, TestContext.Current.CancellationToken)));
        }

        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();
        await admin.DeleteRecordsAsync([new TopicPartitionOffset(topic, 0, 4)]);

        using var consumer = new ConsumerBuilder<Ignore, string>(fixture.ConsumerConfig()).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        TestClients.ConsumeExactly(consumer, 2).Select(r => r.Message.Value).Should().Equal("v4", "v5");
    }

    private async Task<string> TopicWithRecordsAsync(int count)
    {
        var topic = fixture.CreateTopic();
        using var producer = new ProducerBuilder<Null, string>(fixture.ProducerConfig()).Build();
        for (var i = 0; i < count; i++)
        {
            await producer.ProduceAsync(topic, new Message<Null, string> { Value = $"v{i}" }, TestContext.Current.CancellationToken);
        }

        return topic;
    }
}
