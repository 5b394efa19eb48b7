using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Protocol;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>ListOffsets: earliest, latest, the first record at or after a time, and the record with the largest timestamp.</summary>
public sealed class ListOffsetsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const long T0 = 1_700_000_000_000;

    [Fact(Timeout = 30_000)]
    public async Task QueryWatermarkOffsets_AfterProduceAndDeleteRecords_AnswersLogStartAndEnd()
    {
        var topic = fixture.CreateTopic();
        using var consumer = new ConsumerBuilder<Ignore, string>(fixture.ConsumerConfig()).Build();
        var tp = new TopicPartition(topic, 0);
        consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10)).Should().BeEquivalentTo(new WatermarkOffsets(0, 0));

        await ProduceAtAsync(topic, T0, T0 + 1, T0 + 2, T0 + 3);
        consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10)).Should().BeEquivalentTo(new WatermarkOffsets(0, 4));

        using var admin = new AdminClientBuilder(fixture.AdminConfig()).Build();
        await admin.DeleteRecordsAsync([new TopicPartitionOffset(tp, 2)]);
        consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10)).Should().BeEquivalentTo(new WatermarkOffsets(2, 4));
    }

    [Fact(Timeout = 30_000)]
    public async Task OffsetsForTimes_BetweenAndAtAndAfterRecords_FindsTheFirstRecordAtOrAfter()
    {
        var topic = fixture.CreateTopic();
        await ProduceAtAsync(topic, T0, T0 + 1000, T0 + 2000);
        using var consumer = new ConsumerBuilder<Ignore, string>(fixture.ConsumerConfig()).Build();
        var tp = new TopicPartition(topic, 0);

        long OffsetFor(long time) => consumer.OffsetsForTimes([new TopicPartitionTimestamp(tp, new Timestamp(time, TimestampType.CreateTime))], TimeSpan.FromSeconds(10)).Single().Offset.Value;

        OffsetFor(T0 - 5).Should().Be(0);
        OffsetFor(T0 + 500).Should().Be(1);
        OffsetFor(T0 + 2000).Should().Be(2);
        OffsetFor(T0 + 2001).Should().Be(Offset.End.Value, "no record is that late");
    }

    [Fact(Timeout = 30_000)]
    public async Task OffsetsForTimes_ThenAssign_ReplaysFromThatTime()
    {
        var topic = fixture.CreateTopic();
        await ProduceAtAsync(topic, T0, T0 + 1000, T0 + 2000, T0 + 3000);
        using var consumer = new ConsumerBuilder<Ignore, string>(fixture.ConsumerConfig()).Build();
        var start = consumer.OffsetsForTimes([new TopicPartitionTimestamp(topic, 0, new Timestamp(T0 + 1500, TimestampType.CreateTime))], TimeSpan.FromSeconds(10));

        consumer.Assign(start);

        TestClients.ConsumeExactly(consumer, 2).Select(r => r.Message.Timestamp.UnixTimestampMs).Should().Equal(T0 + 2000, T0 + 3000);
    }

    [Fact(Timeout = 30_000)]
    public async Task ListOffsets_ByTimestampInsideOneBatch_FindsTheExactRecord()
    {
        var topic = fixture.CreateTopic();
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        var batch = new TestBatch { BaseTimestamp = T0, Values = ["a", "b", "c", "d"], TimestampDeltas = [0, 10, 20, 30] };
        TestBatch.Single(await connection.SendAsync<ProduceResponse>(TestBatch.Produce(topic, 0, batch.Encode()), 11)).ErrorCode.Should().Be(0);

        var answer = await ListOffsetsAsync(connection, topic, T0 + 15);

        answer.Offset.Should().Be(2);
        answer.Timestamp.Should().Be(T0 + 20);
    }

    [Fact(Timeout = 30_000)]
    public async Task ListOffsets_MaxTimestamp_FindsTheRecordWithTheLargestTimestamp()
    {
        var topic = fixture.CreateTopic();
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        (await ListOffsetsAsync(connection, topic, -3)).Offset.Should().Be(-1, "an empty partition has no such record");
        var batches = new[]
        {
            new TestBatch { BaseTimestamp = T0, Values = ["a", "b"] },
            new TestBatch { BaseTimestamp = T0 + 5000, Values = ["c", "d", "e"], TimestampDeltas = [0, 900, 100] },
            new TestBatch { BaseTimestamp = T0 + 10, Values = ["f"] },
        };
        foreach (var batch in batches)
        {
            TestBatch.Single(await connection.SendAsync<ProduceResponse>(TestBatch.Produce(topic, 0, batch.Encode()), 11)).ErrorCode.Should().Be(0);
        }

        var answer = await ListOffsetsAsync(connection, topic, -3);

        answer.ErrorCode.Should().Be(0);
        answer.Offset.Should().Be(3);
        answer.Timestamp.Should().Be(T0 + 5900);
    }

    private static async Task<ListOffsetsResponse.OffsetAnswerPartition> ListOffsetsAsync(RawKafkaConnection connection, string topic, long timestamp)
    {
        var request = new ListOffsetsRequest
        {
            ReplicaId = -1,
            Topics = [new ListOffsetsRequest.OffsetQueryTopic { Name = topic, Partitions = [new ListOffsetsRequest.OffsetQueryPartition { PartitionIndex = 0, Timestamp = timestamp }] }],
        };
        var response = await connection.SendAsync<ListOffsetsResponse>(request, 10);
        return response.Topics.Single().Partitions.Single();
    }

    private async Task ProduceAtAsync(string topic, params long[] timestamps)
    {
        using var producer = new ProducerBuilder<Null, string>(fixture.ProducerConfig()).Build();
        foreach (var t in timestamps)
        {
            await producer.ProduceAsync(topic, new Message<Null, string> { Value = $"at {t}", Timestamp = new Timestamp(t, TimestampType.CreateTime) }, TestContext.Current.CancellationToken);
        }
    }
}
