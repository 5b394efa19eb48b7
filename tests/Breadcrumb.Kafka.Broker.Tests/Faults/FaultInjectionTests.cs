using System.Diagnostics;
using Breadcrumb.Kafka.Broker.Tests.Conformance;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Faults;

/// <summary>Injected faults reach clients as Kafka would show them, and end when their count is spent.</summary>
public sealed class FaultInjectionTests
{
    [Fact(Timeout = 60_000)]
    public async Task FailNext_RetriableProduceErrors_IdempotentProducerDeliversEachRecordOnce()
    {
        await using var cluster = KafkaCluster.Start();
        cluster.CreateTopic("t", 2);
        cluster.Faults.FailNext(KafkaApiKey.Produce, (short)ErrorCode.NotLeaderForPartition, count: 3);

        var offsets = await ProduceAsync(cluster, "t", 20);

        cluster.Faults.Pending.Should().Be(0, "the producer retried through all three failures");
        offsets.Should().OnlyHaveUniqueItems();
        cluster.DescribeTopic("t")!.Partitions.Sum(p => p.HighWatermark).Should().Be(20, "each record is stored once");
    }

    [Fact(Timeout = 60_000)]
    public async Task FailNext_OnePartition_FailsOnlyThatPartition()
    {
        await using var cluster = KafkaCluster.Start();
        cluster.CreateTopic("t", 2);
        cluster.Faults.FailNext(KafkaApiKey.Produce, (short)ErrorCode.InvalidRecord, count: 1, topic: "t", partition: 1);
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, LingerMs = 20 }).Build();

        var zero = producer.ProduceAsync(new TopicPartition("t", 0), new Message<Null, string> { Value = "a" }, TestContext.Current.CancellationToken);
        var one = producer.ProduceAsync(new TopicPartition("t", 1), new Message<Null, string> { Value = "b" }, TestContext.Current.CancellationToken);

        (await zero).Offset.Value.Should().Be(0);
        (await one.Invoking(t => t).Should().ThrowAsync<ProduceException<Null, string>>()).Which.Error.Code.Should().Be(ErrorCode.InvalidRecord);
        cluster.DescribeTopic("t")!.Partitions.Select(p => p.HighWatermark).Should().Equal(1, 0);
    }

    [Fact(Timeout = 60_000)]
    public async Task LoseNextResponses_Produce_ResentBatchIsRecognisedAndStoredOnce()
    {
        await using var cluster = KafkaCluster.Start();
        cluster.CreateTopic("t");
        cluster.Faults.LoseNextResponses(KafkaApiKey.Produce, count: 2);

        var offsets = await ProduceAsync(cluster, "t", 10);

        offsets.Select(o => o.Offset).Should().Equal(Enumerable.Range(0, 10).Select(i => (long)i));
        cluster.DescribeTopic("t")!.Partitions[0].HighWatermark.Should().Be(10, "the lost responses' batches were stored once, their resends answered from the duplicate check");
    }

    [Fact(Timeout = 60_000)]
    public async Task SetLatency_HoldsRequestsAtLeastThatLong()
    {
        await using var cluster = KafkaCluster.Start();
        cluster.CreateTopic("t");
        await ProduceAsync(cluster, "t", 1);
        cluster.Faults.SetLatency(TimeSpan.FromMilliseconds(300), KafkaApiKey.Produce);

        var watch = Stopwatch.StartNew();
        await ProduceAsync(cluster, "t", 1);

        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300));
    }

    [Fact(Timeout = 60_000)]
    public async Task BrokerDownAndUp_ProducerWaitsForThePartitionsLeader_ThenDelivers()
    {
        await using var cluster = KafkaCluster.Start(new KafkaClusterOptions { BrokerCount = 2 });
        cluster.CreateTopic("t", 2);
        var leaderOfZero = cluster.DescribeTopic("t")!.Partitions[0].Leader;
        await ProduceAsync(cluster, "t", 2);
        var before = cluster.DescribeTopic("t")!.Partitions[0].HighWatermark;

        await cluster.SetBrokerDownAsync(leaderOfZero);
        var heldWithoutLeader = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, EnableIdempotence = true, StatisticsIntervalMs = 50 })
            .SetStatisticsHandler((_, json) =>
            {
                if (QueuedWithoutLeader(json, "t", 0) > 0)
                {
                    heldWithoutLeader.TrySetResult();
                }
            })
            .Build();
        var waiting = producer.ProduceAsync(new TopicPartition("t", 0), new Message<Null, string> { Value = "while down" }, TestContext.Current.CancellationToken);

        // The producer's own statistics say when it has learned that partition 0 has no leader and holds the record for it.
        await heldWithoutLeader.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        waiting.IsCompleted.Should().BeFalse("partition 0 has no leader while its broker is down");

        cluster.SetBrokerUp(leaderOfZero);

        (await waiting).Offset.Value.Should().Be(before);
    }

    [Fact(Timeout = 60_000)]
    public async Task DropConnections_ClientsReconnectAndGoOn()
    {
        await using var cluster = KafkaCluster.Start();
        cluster.CreateTopic("t");
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, EnableIdempotence = true }).Build();
        await producer.ProduceAsync("t", new Message<Null, string> { Value = "before" }, TestContext.Current.CancellationToken);

        cluster.Faults.DropConnections();

        (await producer.ProduceAsync("t", new Message<Null, string> { Value = "after" }, TestContext.Current.CancellationToken)).Offset.Value.Should().Be(1);
    }

    [Fact]
    public async Task FailNext_ApiWithoutPartitionsOrRequestError_IsRefusedWithTheReason()
    {
        await using var cluster = KafkaCluster.Start();

        var perTopic = () => cluster.Faults.FailNext(KafkaApiKey.JoinGroup, 15, topic: "t");
        var noErrorCode = () => cluster.Faults.FailNext(KafkaApiKey.Metadata, 5);

        perTopic.Should().Throw<ArgumentException>().WithMessage("JoinGroup requests have no partitions to fail one by one*");
        noErrorCode.Should().Throw<ArgumentException>().WithMessage("Metadata responses carry no request-level error code*");
    }

    private static async Task<List<(int Partition, long Offset)>> ProduceAsync(KafkaCluster cluster, string topic, int count)
    {
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers, EnableIdempotence = true, LingerMs = 0, RetryBackoffMs = 10,
        }).Build();
        var offsets = new List<(int, long)>();
        for (var i = 0; i < count; i++)
        {
            var report = await producer.ProduceAsync(topic, new Message<Null, string> { Value = $"v{i}" }, TestContext.Current.CancellationToken);
            offsets.Add((report.Partition.Value, report.Offset.Value));
        }

        return offsets;
    }

    /// <summary>Records librdkafka's statistics show queued for a partition it knows to have no leader (0 while it has one).</summary>
    private static long QueuedWithoutLeader(string statistics, string topic, int partition)
    {
        using var document = System.Text.Json.JsonDocument.Parse(statistics);
        if (!document.RootElement.GetProperty("topics").TryGetProperty(topic, out var topicStats)
            || !topicStats.GetProperty("partitions").TryGetProperty(partition.ToString(System.Globalization.CultureInfo.InvariantCulture), out var partitionStats)
            || partitionStats.GetProperty("leader").GetInt32() != -1)
        {
            return 0;
        }

        return partitionStats.GetProperty("msgq_cnt").GetInt64() + partitionStats.GetProperty("xmit_msgq_cnt").GetInt64();
    }
}
