using Confluent.Kafka;
using Microsoft.Extensions.Time.Testing;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>Record timestamps: CreateTime is kept as the producer set it; LogAppendTime topics carry the broker's clock.</summary>
public sealed class TimestampTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task Produce_CreateTime_IsKeptAsTheProducerSetIt()
    {
        var topic = fixture.CreateTopic();
        var stamps = new[] { 1_600_000_000_000L, 1_500_000_000_000L, 1_600_000_000_123L };
        using (var producer = new ProducerBuilder<Null, string>(fixture.ProducerConfig()).Build())
        {
            foreach (var stamp in stamps)
            {
                await producer.ProduceAsync(topic, new Message<Null, string> { Value = "v", Timestamp = new Timestamp(stamp, TimestampType.CreateTime) }, TestContext.Current.CancellationToken);
            }
        }

        using var consumer = new ConsumerBuilder<Ignore, string>(fixture.ConsumerConfig()).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var got = TestClients.ConsumeExactly(consumer, 3).Select(r => r.Message.Timestamp).ToList();

        got.Should().AllSatisfy(t => t.Type.Should().Be(TimestampType.CreateTime));
        got.Select(t => t.UnixTimestampMs).Should().Equal(stamps);
    }

    [Fact(Timeout = 30_000)]
    public async Task Produce_LogAppendTimeTopic_StampsTheBrokerClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero));
        await using var cluster = KafkaCluster.Start(new KafkaClusterOptions { TimeProvider = clock });
        var topic = ClusterFixture.NewTopicName();
        cluster.CreateTopic(topic, 1, new Dictionary<string, string> { ["message.timestamp.type"] = "LogAppendTime" });
        var first = clock.GetUtcNow().ToUnixTimeMilliseconds();
        DeliveryResult<Null, string> report;
        using (var producer = new ProducerBuilder<Null, string>(TestClients.ProducerConfig(cluster.BootstrapServers)).Build())
        {
            report = await producer.ProduceAsync(topic, new Message<Null, string> { Value = "a", Timestamp = new Timestamp(1_000, TimestampType.CreateTime) }, TestContext.Current.CancellationToken);
            clock.Advance(TimeSpan.FromSeconds(5));
            await producer.ProduceAsync(topic, new Message<Null, string> { Value = "b", Timestamp = new Timestamp(1_000, TimestampType.CreateTime) }, TestContext.Current.CancellationToken);
        }

        report.Timestamp.Should().Be(new Timestamp(first, TimestampType.LogAppendTime), "the produce response carries the append time");
        using var consumer = new ConsumerBuilder<Ignore, string>(TestClients.ConsumerConfig(cluster.BootstrapServers)).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var got = TestClients.ConsumeExactly(consumer, 2).Select(r => r.Message.Timestamp).ToList();

        got.Should().Equal(new Timestamp(first, TimestampType.LogAppendTime), new Timestamp(first + 5_000, TimestampType.LogAppendTime));
    }
}
