using Confluent.Kafka;
using Microsoft.Extensions.Time.Testing;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>retention.ms and retention.bytes delete the oldest batches, on the cluster's clock; the default keeps everything.</summary>
public sealed class RetentionTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 30_000)]
    public async Task RetentionMs_RecordsOlderThanTheLimit_AreDeletedAndNewerOnesStay()
    {
        var clock = new FakeTimeProvider(Start);
        await using var cluster = KafkaCluster.Start(new KafkaClusterOptions { TimeProvider = clock });
        var topic = ClusterFixture.NewTopicName();
        cluster.CreateTopic(topic, 1, new Dictionary<string, string> { ["retention.ms"] = "60000" });
        var now = Start.ToUnixTimeMilliseconds();
        await ProduceAtAsync(cluster, topic, now - 50_000, now - 40_000, now);

        await Eventually.AdvanceUntilAsync(clock, TimeSpan.FromSeconds(1), () => cluster.DescribeTopic(topic)!.Partitions[0].LogStartOffset == 1, "the record 50 s old expires 10 s later");
        clock.GetUtcNow().Should().BeOnOrAfter(Start.AddSeconds(10)).And.BeBefore(Start.AddSeconds(13));
        await Eventually.AdvanceUntilAsync(clock, TimeSpan.FromSeconds(1), () => cluster.DescribeTopic(topic)!.Partitions[0].LogStartOffset == 2, "the second expires 10 s after the first");

        var partition = cluster.DescribeTopic(topic)!.Partitions[0];
        partition.HighWatermark.Should().Be(3);
        using var consumer = new ConsumerBuilder<Ignore, string>(TestClients.ConsumerConfig(cluster.BootstrapServers)).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        TestClients.ConsumeExactly(consumer, 1).Single().Offset.Value.Should().Be(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task RetentionMs_Default_KeepsEverything()
    {
        var clock = new FakeTimeProvider(Start);
        // An hourly check: the fake clock runs a periodic timer once for every period it skips.
        await using var cluster = KafkaCluster.Start(new KafkaClusterOptions { TimeProvider = clock, RetentionCheckInterval = TimeSpan.FromHours(1) });
        var topic = ClusterFixture.NewTopicName();
        cluster.CreateTopic(topic);
        await ProduceAtAsync(cluster, topic, 1000, 2000);

        for (var i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromDays(30));
        }

        cluster.DescribeTopic(topic)!.Partitions[0].LogStartOffset.Should().Be(0);
        cluster.DescribeTopic(topic)!.Partitions[0].HighWatermark.Should().Be(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task RetentionBytes_LogOverTheLimit_DropsOldestBatchesAndKeepsAtLeastTheLimit()
    {
        var clock = new FakeTimeProvider(Start);
        await using var cluster = KafkaCluster.Start(new KafkaClusterOptions { TimeProvider = clock });
        var topic = ClusterFixture.NewTopicName();
        cluster.CreateTopic(topic, 1, new Dictionary<string, string> { ["retention.bytes"] = "3000" });
        var now = Start.ToUnixTimeMilliseconds();
        using (var producer = new ProducerBuilder<Null, byte[]>(TestClients.ProducerConfig(cluster.BootstrapServers)).Build())
        {
            for (var i = 0; i < 10; i++)
            {
                await producer.ProduceAsync(topic, new Message<Null, byte[]> { Value = new byte[1000], Timestamp = new Timestamp(now, TimestampType.CreateTime) }, TestContext.Current.CancellationToken);
            }
        }

        await Eventually.AdvanceUntilAsync(clock, TimeSpan.FromSeconds(1), () => cluster.DescribeTopic(topic)!.Partitions[0].SizeBytes <= 4000, "retention.bytes trims the partition");

        var partition = cluster.DescribeTopic(topic)!.Partitions[0];
        partition.SizeBytes.Should().BeGreaterThanOrEqualTo(3000, "Kafka deletes a segment only while the rest still holds retention.bytes");
        partition.LogStartOffset.Should().BeInRange(6, 8);
        partition.HighWatermark.Should().Be(10);
        cluster.StoredBytes.Should().Be(partition.SizeBytes, "deleted batches give their bytes back to the budget");
    }

    private static async Task ProduceAtAsync(KafkaCluster cluster, string topic, params long[] timestamps)
    {
        using var producer = new ProducerBuilder<Null, string>(TestClients.ProducerConfig(cluster.BootstrapServers)).Build();
        foreach (var t in timestamps)
        {
            await producer.ProduceAsync(topic, new Message<Null, string> { Value = $"at {t}", Timestamp = new Timestamp(t, TimestampType.CreateTime) }, TestContext.Current.CancellationToken);
        }
    }
}
