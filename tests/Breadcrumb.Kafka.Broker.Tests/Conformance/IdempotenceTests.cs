using ErrorCode = Breadcrumb.Kafka.Broker.Protocol.ErrorCode;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Protocol;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>Idempotent producers (KIP-98): InitProducerId, retries answered with the original offset, sequence gaps and stale epochs refused.</summary>
public sealed class IdempotenceTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const short ProduceVersion = 11;

    [Fact(Timeout = 30_000)]
    public async Task ConfluentIdempotentProducer_ManyInFlight_StoresEachRecordOnce()
    {
        var topic = fixture.CreateTopic();
        using (var producer = new ProducerBuilder<Null, string>(fixture.ProducerConfig(c => { c.EnableIdempotence = true; c.MaxInFlight = 5; })).Build())
        {
            var reports = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
                producer.ProduceAsync(topic, new Message<Null, string> { Value = $"v{i}" }, TestContext.Current.CancellationToken)));
            reports.Select(r => r.Offset.Value).Should().BeEquivalentTo(Enumerable.Range(0, 200).Select(i => (long)i));
        }

        fixture.Cluster.DescribeTopic(topic)!.Partitions[0].HighWatermark.Should().Be(200);
        using var consumer = new ConsumerBuilder<Ignore, string>(fixture.ConsumerConfig()).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        TestClients.ConsumeExactly(consumer, 200).Select(r => r.Message.Value).Should().Equal(Enumerable.Range(0, 200).Select(i => $"v{i}"));
    }

    [Fact(Timeout = 30_000)]
    public async Task InitProducerId_WithoutTransactionalId_GivesANewIdAtEpochZero()
    {
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);

        var first = await connection.SendAsync<InitProducerIdResponse>(new InitProducerIdRequest { TransactionTimeoutMs = 60_000 }, 4);
        var second = await connection.SendAsync<InitProducerIdResponse>(new InitProducerIdRequest { TransactionTimeoutMs = 60_000 }, 4);

        first.ErrorCode.Should().Be(0);
        first.ProducerId.Should().BeGreaterThanOrEqualTo(0);
        first.ProducerEpoch.Should().Be(0);
        second.ProducerId.Should().NotBe(first.ProducerId);
    }

    [Fact(Timeout = 30_000)]
    public async Task Produce_SameBatchSentTwice_AnswersTheOriginalOffsetAndStoresItOnce()
    {
        var topic = fixture.CreateTopic();
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        var pid = await InitProducerIdAsync(connection);
        await ProduceAsync(connection, topic, new TestBatch { Values = ["x"] }); // offset 0, not idempotent
        var batch = new TestBatch { ProducerId = pid, ProducerEpoch = 0, BaseSequence = 0, Values = ["a", "b", "c"] };

        var original = await ProduceAsync(connection, topic, batch);
        var retry = await ProduceAsync(connection, topic, batch);
        var next = await ProduceAsync(connection, topic, batch with { BaseSequence = 3, Values = ["d"] });

        original.ErrorCode.Should().Be(0);
        original.BaseOffset.Should().Be(1);
        retry.ErrorCode.Should().Be(0, "a retried batch is a success");
        retry.BaseOffset.Should().Be(1, "a retried batch is answered with its original offset");
        next.BaseOffset.Should().Be(4);
        fixture.Cluster.DescribeTopic(topic)!.Partitions[0].HighWatermark.Should().Be(5, "the retry was not stored again");
    }

    [Fact(Timeout = 30_000)]
    public async Task Produce_RetryOfAnEarlierBatchAmongTheLastFive_AnswersItsOriginalOffset()
    {
        var topic = fixture.CreateTopic();
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        var pid = await InitProducerIdAsync(connection);
        var batches = Enumerable.Range(0, 4).Select(i => new TestBatch { ProducerId = pid, ProducerEpoch = 0, BaseSequence = i * 2, Values = [$"{i}a", $"{i}b"] }).ToList();
        foreach (var batch in batches)
        {
            (await ProduceAsync(connection, topic, batch)).ErrorCode.Should().Be(0);
        }

        var retry = await ProduceAsync(connection, topic, batches[1]);

        retry.ErrorCode.Should().Be(0);
        retry.BaseOffset.Should().Be(2);
        fixture.Cluster.DescribeTopic(topic)!.Partitions[0].HighWatermark.Should().Be(8);
    }

    [Fact(Timeout = 30_000)]
    public async Task Produce_SequenceGap_IsOutOfOrderSequenceNumberAndNothingIsStored()
    {
        var topic = fixture.CreateTopic();
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        var pid = await InitProducerIdAsync(connection);
        await ProduceAsync(connection, topic, new TestBatch { ProducerId = pid, ProducerEpoch = 0, BaseSequence = 0, Values = ["a", "b"] });

        var gap = await ProduceAsync(connection, topic, new TestBatch { ProducerId = pid, ProducerEpoch = 0, BaseSequence = 5, Values = ["f"] });

        gap.ErrorCode.Should().Be((short)ErrorCode.OutOfOrderSequenceNumber);
        gap.BaseOffset.Should().Be(-1);
        fixture.Cluster.DescribeTopic(topic)!.Partitions[0].HighWatermark.Should().Be(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task Produce_OlderEpochThanStored_IsInvalidProducerEpoch()
    {
        var topic = fixture.CreateTopic();
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        var pid = await InitProducerIdAsync(connection);
        (await ProduceAsync(connection, topic, new TestBatch { ProducerId = pid, ProducerEpoch = 1, BaseSequence = 0 })).ErrorCode.Should().Be(0);

        var stale = await ProduceAsync(connection, topic, new TestBatch { ProducerId = pid, ProducerEpoch = 0, BaseSequence = 1 });

        stale.ErrorCode.Should().Be((short)ErrorCode.InvalidProducerEpoch);
        fixture.Cluster.DescribeTopic(topic)!.Partitions[0].HighWatermark.Should().Be(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task Produce_NewerEpoch_StartsAgainAtSequenceZero()
    {
        var topic = fixture.CreateTopic();
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        var pid = await InitProducerIdAsync(connection);
        await ProduceAsync(connection, topic, new TestBatch { ProducerId = pid, ProducerEpoch = 0, BaseSequence = 0, Values = ["a", "b"] });

        var bumpedAtZero = await ProduceAsync(connection, topic, new TestBatch { ProducerId = pid, ProducerEpoch = 1, BaseSequence = 0 });
        var bumpedAtFive = await ProduceAsync(connection, topic, new TestBatch { ProducerId = pid, ProducerEpoch = 2, BaseSequence = 5 });

        bumpedAtZero.ErrorCode.Should().Be(0);
        bumpedAtFive.ErrorCode.Should().Be((short)ErrorCode.OutOfOrderSequenceNumber, "a new epoch starts at sequence 0");
    }

    private static async Task<long> InitProducerIdAsync(RawKafkaConnection connection)
    {
        var response = await connection.SendAsync<InitProducerIdResponse>(new InitProducerIdRequest { TransactionTimeoutMs = 60_000 }, 4);
        response.ErrorCode.Should().Be(0);
        return response.ProducerId;
    }

    private static async Task<ProduceResponse.PartitionResult> ProduceAsync(RawKafkaConnection connection, string topic, TestBatch batch) =>
        TestBatch.Single(await connection.SendAsync<ProduceResponse>(TestBatch.Produce(topic, 0, batch.Encode()), ProduceVersion));
}
