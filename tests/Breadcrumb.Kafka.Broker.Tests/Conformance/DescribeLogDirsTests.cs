using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Protocol;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>DescribeLogDirs (raw: Confluent.Kafka has no call for it): the bytes each partition a broker leads holds.</summary>
public sealed class DescribeLogDirsTests(MultiBrokerFixture fixture) : IClassFixture<MultiBrokerFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task DescribeLogDirs_EveryBroker_ReportsTheBytesOfThePartitionsItLeads()
    {
        var topic = ClusterFixture.NewTopicName();
        fixture.Cluster.CreateTopic(topic, 6);
        for (var p = 0; p < 6; p++)
        {
            await using var leader = await RawKafkaConnection.ConnectToLeaderAsync(fixture.Cluster, topic, p);
            var batch = new TestBatch { Values = [.. Enumerable.Range(0, p + 1).Select(i => new string('v', 100))] }.Encode();
            TestBatch.Single(await leader.SendAsync<ProduceResponse>(TestBatch.Produce(topic, p, batch), 11)).ErrorCode.Should().Be(0);
        }

        var reported = new Dictionary<int, long>();
        for (var b = 0; b < fixture.Cluster.Brokers.Count; b++)
        {
            await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster, b);
            var response = await connection.SendAsync<DescribeLogDirsResponse>(new DescribeLogDirsRequest { Topics = null }, 4);
            var dir = response.Results.Single();
            dir.ErrorCode.Should().Be(0);
            foreach (var partition in dir.Topics.Where(t => t.Name == topic).SelectMany(t => t.Partitions))
            {
                fixture.Cluster.DescribeTopic(topic)!.Partitions[partition.PartitionIndex].Leader.Should().Be(fixture.Cluster.Brokers[b].NodeId, "a broker reports the partitions it holds");
                reported.Add(partition.PartitionIndex, partition.PartitionSize);
            }
        }

        var description = fixture.Cluster.DescribeTopic(topic)!;
        reported.Should().BeEquivalentTo(description.Partitions.ToDictionary(p => p.Partition, p => p.SizeBytes));
        reported.OrderBy(p => p.Key).Select(p => p.Value).Should().BeInAscendingOrder().And.AllSatisfy(size => size.Should().BeGreaterThan(100));
    }

    [Fact(Timeout = 30_000)]
    public async Task DescribeLogDirs_ForOnePartition_AnswersOnlyThatOneWithBudgetFigures()
    {
        var topic = ClusterFixture.NewTopicName();
        fixture.Cluster.CreateTopic(topic, 3);
        var leaderIndex = fixture.Cluster.Brokers.ToList().FindIndex(b => b.NodeId == fixture.Cluster.DescribeTopic(topic)!.Partitions[1].Leader);
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster, leaderIndex);

        var response = await connection.SendAsync<DescribeLogDirsResponse>(new DescribeLogDirsRequest
        {
            Topics = [new DescribeLogDirsRequest.LogDirQueryTopic { Topic = topic, Partitions = [1] }],
        }, 4);

        var dir = response.Results.Single();
        dir.Topics.Single().Partitions.Single().PartitionIndex.Should().Be(1);
        dir.Topics.Single().Partitions.Single().PartitionSize.Should().Be(0);
        dir.TotalBytes.Should().Be(1L << 30, "the default memory budget stands for the log dir's size");
        dir.UsableBytes.Should().Be(dir.TotalBytes - fixture.Cluster.StoredBytes);
    }

    [Fact(Timeout = 30_000)]
    public async Task DescribeLogDirs_TopicNamedTwice_AnswersTheUnionOfItsPartitions()
    {
        var topic = ClusterFixture.NewTopicName();
        fixture.Cluster.CreateTopic(topic, 9);
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        var led = fixture.Cluster.DescribeTopic(topic)!.Partitions.Where(p => p.Leader == fixture.Cluster.Brokers[0].NodeId).Select(p => p.Partition).ToList();

        var response = await connection.SendAsync<DescribeLogDirsResponse>(new DescribeLogDirsRequest
        {
            Topics =
            [
                new DescribeLogDirsRequest.LogDirQueryTopic { Topic = topic, Partitions = [.. led.Take(1)] },
                new DescribeLogDirsRequest.LogDirQueryTopic { Topic = topic, Partitions = [.. led.Skip(1)] },
            ],
        }, 4);

        response.Results.Single().Topics.Single().Partitions.Select(p => p.PartitionIndex).Should().BeEquivalentTo(led);
    }
}
