using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Protocol;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>max.message.bytes: a batch over the topic's limit is MESSAGE_TOO_LARGE and nothing of it is stored (issue 17).</summary>
public sealed class MessageSizeTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task Produce_OverTheDefaultMaxMessageBytes_IsMsgSizeTooLargeAndNotStored()
    {
        var topic = fixture.CreateTopic();
        // The producer's own limit is raised so the broker, not librdkafka, is the one that refuses.
        using var producer = new ProducerBuilder<Null, byte[]>(fixture.ProducerConfig(c => c.MessageMaxBytes = 4_000_000)).Build();

        var fits = await producer.ProduceAsync(topic, new Message<Null, byte[]> { Value = new byte[1_000_000] }, TestContext.Current.CancellationToken);
        var tooLarge = async () => await producer.ProduceAsync(topic, new Message<Null, byte[]> { Value = new byte[1_048_600] }, TestContext.Current.CancellationToken);

        fits.Offset.Value.Should().Be(0, "a record of 1,000,000 bytes fits the default max.message.bytes of 1048588");
        (await tooLarge.Should().ThrowAsync<ProduceException<Null, byte[]>>()).Which.Error.Should().Match<Error>(e => e.Code == ErrorCode.MsgSizeTooLarge && e.Reason.StartsWith("Broker:"), "the broker, not librdkafka, refuses it");
        fixture.Cluster.DescribeTopic(topic)!.Partitions[0].HighWatermark.Should().Be(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task Produce_OverATopicsMaxMessageBytes_IsMsgSizeTooLarge()
    {
        var topic = fixture.CreateTopic(configs: new Dictionary<string, string> { ["max.message.bytes"] = "1000" });
        using var producer = new ProducerBuilder<Null, byte[]>(fixture.ProducerConfig()).Build();

        var small = await producer.ProduceAsync(topic, new Message<Null, byte[]> { Value = new byte[500] }, TestContext.Current.CancellationToken);
        var tooLarge = async () => await producer.ProduceAsync(topic, new Message<Null, byte[]> { Value = new byte[2000] }, TestContext.Current.CancellationToken);

        small.Status.Should().Be(PersistenceStatus.Persisted);
        (await tooLarge.Should().ThrowAsync<ProduceException<Null, byte[]>>()).Which.Error.Should().Match<Error>(e => e.Code == ErrorCode.MsgSizeTooLarge && e.Reason.StartsWith("Broker:"), "the broker, not librdkafka, refuses it");
        fixture.Cluster.DescribeTopic(topic)!.Partitions[0].HighWatermark.Should().Be(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task Produce_FifteenMegabyteRecordThenASmallOne_RefusesTheLargeAndKeepsTheSmall()
    {
        // Issue 17: the mock accepted one 15 MB record and then lost the small record produced after it.
        var topic = fixture.CreateTopic();
        using var producer = new ProducerBuilder<Null, byte[]>(fixture.ProducerConfig(c => { c.MessageMaxBytes = 20_000_000; c.BatchSize = 20_000_000; })).Build();

        var huge = async () => await producer.ProduceAsync(topic, new Message<Null, byte[]> { Value = new byte[15_000_000] }, TestContext.Current.CancellationToken);
        (await huge.Should().ThrowAsync<ProduceException<Null, byte[]>>()).Which.Error.Should().Match<Error>(e => e.Code == ErrorCode.MsgSizeTooLarge && e.Reason.StartsWith("Broker:"), "the broker, not librdkafka, refuses it");
        var small = await producer.ProduceAsync(topic, new Message<Null, byte[]> { Value = [1, 2, 3] }, TestContext.Current.CancellationToken);

        small.Offset.Value.Should().Be(0);
        fixture.Cluster.DescribeTopic(topic)!.Partitions[0].HighWatermark.Should().Be(1);
        fixture.Cluster.DescribeTopic(topic)!.Partitions[0].SizeBytes.Should().BeLessThan(1000);
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(fixture.ConsumerConfig()).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        TestClients.ConsumeExactly(consumer, 1).Single().Message.Value.Should().Equal(1, 2, 3);
    }

    [Fact(Timeout = 30_000)]
    public async Task Produce_RawBatchOverTheLimit_AnswersMessageTooLargeWithAMessage()
    {
        var topic = fixture.CreateTopic(configs: new Dictionary<string, string> { ["max.message.bytes"] = "100" });
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);

        var result = TestBatch.Single(await connection.SendAsync<ProduceResponse>(TestBatch.Produce(topic, 0, new TestBatch { Values = [new string('x', 200)] }.Encode()), 11));

        result.ErrorCode.Should().Be((short)Breadcrumb.Kafka.Broker.Protocol.ErrorCode.MessageTooLarge);
        result.ErrorMessage.Should().Contain("max.message.bytes").And.Contain("100");
        result.BaseOffset.Should().Be(-1);
    }
}
