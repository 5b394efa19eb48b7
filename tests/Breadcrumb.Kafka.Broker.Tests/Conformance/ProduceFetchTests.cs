using System.Text;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>Produce and Fetch with Confluent.Kafka (librdkafka): what goes in comes out, in order, with its offsets.</summary>
public sealed class ProduceFetchTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task ProduceAsync_ThenAssignedConsumer_ReadsEveryRecordInOrder()
    {
        var topic = fixture.CreateTopic();
        using (var producer = new ProducerBuilder<string, string>(fixture.ProducerConfig()).Build())
        {
            for (var i = 0; i < 100; i++)
            {
                var report = await producer.ProduceAsync(topic, new Message<string, string> { Key = $"k{i}", Value = $"v{i}" }, TestContext.Current.CancellationToken);
                report.Offset.Value.Should().Be(i);
            }
        }

        using var consumer = new ConsumerBuilder<string, string>(fixture.ConsumerConfig()).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var results = TestClients.ConsumeExactly(consumer, 100);

        results.Select(r => r.Offset.Value).Should().Equal(Enumerable.Range(0, 100).Select(i => (long)i));
        results.Select(r => r.Message.Value).Should().Equal(Enumerable.Range(0, 100).Select(i => $"v{i}"));
    }

    [Theory(Timeout = 30_000)]
    [InlineData(Acks.None)]
    [InlineData(Acks.Leader)]
    [InlineData(Acks.All)]
    public async Task Produce_WithEachAcksSetting_StoresEveryRecord(Acks acks)
    {
        var topic = fixture.CreateTopic();
        using (var producer = new ProducerBuilder<Null, string>(fixture.ProducerConfig(c => c.Acks = acks)).Build())
        {
            var reports = new List<Task<DeliveryResult<Null, string>>>();
            for (var i = 0; i < 20; i++)
            {
                reports.Add(producer.ProduceAsync(topic, new Message<Null, string> { Value = $"v{i}" }, TestContext.Current.CancellationToken));
            }

            var delivered = await Task.WhenAll(reports);
            delivered.Should().AllSatisfy(r => r.Status.Should().NotBe(PersistenceStatus.NotPersisted));
            if (acks != Acks.None)
            {
                delivered.Select(r => r.Offset.Value).Should().Equal(Enumerable.Range(0, 20).Select(i => (long)i));
            }
        }

        await WaitForHighWatermarkAsync(topic, 0, 20);
        using var consumer = new ConsumerBuilder<Ignore, string>(fixture.ConsumerConfig()).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        TestClients.ConsumeExactly(consumer, 20).Select(r => r.Message.Value).Should().Equal(Enumerable.Range(0, 20).Select(i => $"v{i}"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Produce_KeysHeadersAndNullValues_ComeBackAsSent()
    {
        var topic = fixture.CreateTopic();
        var headers = new Headers { { "trace", Encoding.UTF8.GetBytes("abc") }, { "empty", [] }, { "trace", Encoding.UTF8.GetBytes("second") } };
        headers.Add(new Header("null", null));
        var sent = new[]
        {
            new Message<byte[]?, byte[]?> { Key = [1, 2, 3], Value = Encoding.UTF8.GetBytes("value"), Headers = headers },
            new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes("tombstone"), Value = null },
            new Message<byte[]?, byte[]?> { Key = null, Value = [] },
        };
        using (var producer = new ProducerBuilder<byte[]?, byte[]?>(fixture.ProducerConfig()).Build())
        {
            foreach (var message in sent)
            {
                await producer.ProduceAsync(topic, message, TestContext.Current.CancellationToken);
            }
        }

        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(fixture.ConsumerConfig()).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var got = TestClients.ConsumeExactly(consumer, 3).Select(r => r.Message).ToList();

        got[0].Key.Should().Equal(1, 2, 3);
        Encoding.UTF8.GetString(got[0].Value!).Should().Be("value");
        got[0].Headers.Select(h => (h.Key, h.GetValueBytes() is { } v ? Encoding.UTF8.GetString(v) : null))
            .Should().Equal(("trace", "abc"), ("empty", ""), ("trace", "second"), ("null", null));
        Encoding.UTF8.GetString(got[1].Key!).Should().Be("tombstone");
        got[1].Value.Should().BeNull();
        got[2].Key.Should().BeNull();
        got[2].Value.Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task Produce_ToManyPartitions_EachPartitionKeepsItsOwnRecords()
    {
        const int partitions = 12;
        var topic = fixture.CreateTopic(partitions);
        using (var producer = new ProducerBuilder<Null, string>(fixture.ProducerConfig()).Build())
        {
            var reports = new List<Task<DeliveryResult<Null, string>>>();
            for (var p = 0; p < partitions; p++)
            {
                for (var i = 0; i < 5; i++)
                {
                    reports.Add(producer.ProduceAsync(new TopicPartition(topic, p), new Message<Null, string> { Value = $"p{p}-{i}" }, TestContext.Current.CancellationToken));
                }
            }

            await Task.WhenAll(reports);
        }

        using var consumer = new ConsumerBuilder<Ignore, string>(fixture.ConsumerConfig()).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var byPartition = TestClients.ConsumeExactly(consumer, partitions * 5).GroupBy(r => r.Partition.Value).ToDictionary(g => g.Key, g => g.ToList());

        byPartition.Keys.Should().BeEquivalentTo(Enumerable.Range(0, partitions));
        foreach (var (p, records) in byPartition)
        {
            records.Select(r => r.Offset.Value).Should().Equal(0, 1, 2, 3, 4);
            records.Select(r => r.Message.Value).Should().Equal(Enumerable.Range(0, 5).Select(i => $"p{p}-{i}"));
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Consume_FromAnOffsetInsideABatch_StartsAtThatOffset()
    {
        var topic = fixture.CreateTopic();
        using (var producer = new ProducerBuilder<Null, string>(fixture.ProducerConfig(c => c.LingerMs = 50)).Build())
        {
            // Produced together, these land in one batch; the consumer must skip the records before its offset.
            await Task.WhenAll(Enumerable.Range(0, 10).Select(i => producer.ProduceAsync(topic, new Message<Null, string> { Value = $"v{i}" }, TestContext.Current.CancellationToken)));
        }

        using var consumer = new ConsumerBuilder<Ignore, string>(fixture.ConsumerConfig()).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, 7));
        TestClients.ConsumeExactly(consumer, 3).Select(r => (r.Offset.Value, r.Message.Value)).Should().Equal((7L, "v7"), (8L, "v8"), (9L, "v9"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Produce_RecordWithoutKeyToACompactedTopic_IsInvalidRecord()
    {
        var topic = fixture.CreateTopic(configs: new Dictionary<string, string> { ["cleanup.policy"] = "compact" });
        using var producer = new ProducerBuilder<string?, string>(fixture.ProducerConfig()).Build();

        var keyed = await producer.ProduceAsync(topic, new Message<string?, string> { Key = "k", Value = "v" }, TestContext.Current.CancellationToken);
        var keyless = () => producer.ProduceAsync(topic, new Message<string?, string> { Key = null, Value = "v" }, TestContext.Current.CancellationToken);

        keyed.Offset.Value.Should().Be(0);
        (await keyless.Should().ThrowAsync<ProduceException<string?, string>>()).Which.Error.Code.Should().Be(ErrorCode.InvalidRecord);
        fixture.Cluster.DescribeTopic(topic)!.Partitions[0].HighWatermark.Should().Be(1);
    }

    private async Task WaitForHighWatermarkAsync(string topic, int partition, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (fixture.Cluster.DescribeTopic(topic)!.Partitions[partition].HighWatermark < expected)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, $"{expected} records should be stored");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
