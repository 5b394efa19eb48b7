using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Protocol;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>KafkaClusterOptions.MemoryBudgetBytes: past it produce fails loudly with POLICY_VIOLATION; nothing stored is dropped.</summary>
public sealed class MemoryBudgetTests
{
    private const long Budget = 20_000;

    [Fact(Timeout = 30_000)]
    public async Task Produce_PastTheBudget_IsPolicyViolationAndEveryStoredRecordStays()
    {
        await using var cluster = KafkaCluster.Start(new KafkaClusterOptions { MemoryBudgetBytes = Budget });
        var topic = ClusterFixture.NewTopicName();
        cluster.CreateTopic(topic);
        var stored = new List<long>();
        Error? refusal = null;
        using (var producer = new ProducerBuilder<Null, byte[]>(TestClients.ProducerConfig(cluster.BootstrapServers)).Build())
        {
            for (var i = 0; i < 30 && refusal is null; i++)
            {
                try
                {
                    stored.Add((await producer.ProduceAsync(topic, new Message<Null, byte[]> { Value = new byte[1000] }, TestContext.Current.CancellationToken)).Offset.Value);
                }
                catch (ProduceException<Null, byte[]> e)
                {
                    refusal = e.Error;
                }
            }
        }

        refusal.Should().NotBeNull("30 records of 1000 bytes do not fit a budget of 20,000 bytes");
        refusal!.Code.Should().Be(ErrorCode.PolicyViolation);
        stored.Should().HaveCountGreaterThan(15).And.Equal(Enumerable.Range(0, stored.Count).Select(i => (long)i));
        cluster.StoredBytes.Should().BeLessThanOrEqualTo(Budget);
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(TestClients.ConsumerConfig(cluster.BootstrapServers)).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        TestClients.ConsumeExactly(consumer, stored.Count).Select(r => r.Offset.Value).Should().Equal(stored, "nothing stored is dropped to make room");
    }

    [Fact(Timeout = 30_000)]
    public async Task Produce_PastTheBudget_MessageNamesTheOptionAndDeletingRecordsMakesRoom()
    {
        await using var cluster = KafkaCluster.Start(new KafkaClusterOptions { MemoryBudgetBytes = Budget });
        var topic = ClusterFixture.NewTopicName();
        cluster.CreateTopic(topic);
        await using var connection = await RawKafkaConnection.ConnectAsync(cluster);
        var big = new TestBatch { Values = [new string('x', 12_000)] }.Encode();
        TestBatch.Single(await connection.SendAsync<ProduceResponse>(TestBatch.Produce(topic, 0, big), 11)).ErrorCode.Should().Be(0);

        var refused = TestBatch.Single(await connection.SendAsync<ProduceResponse>(TestBatch.Produce(topic, 0, big), 11));

        refused.ErrorCode.Should().Be((short)Breadcrumb.Kafka.Broker.Protocol.ErrorCode.PolicyViolation);
        refused.ErrorMessage.Should().Contain("KafkaClusterOptions.MemoryBudgetBytes").And.Contain("20000");
        cluster.DescribeTopic(topic)!.Partitions[0].HighWatermark.Should().Be(1);

        var deleted = await connection.SendAsync<DeleteRecordsResponse>(new DeleteRecordsRequest
        {
            TimeoutMs = 5000,
            Topics = [new DeleteRecordsRequest.TrimTopic { Name = topic, Partitions = [new DeleteRecordsRequest.TrimPartition { PartitionIndex = 0, Offset = -1 }] }],
        }, 2);
        deleted.Topics.Single().Partitions.Single().ErrorCode.Should().Be(0);
        cluster.StoredBytes.Should().Be(0);
        TestBatch.Single(await connection.SendAsync<ProduceResponse>(TestBatch.Produce(topic, 0, big), 11)).BaseOffset.Should().Be(1, "deleting records gave the bytes back");
    }
}
