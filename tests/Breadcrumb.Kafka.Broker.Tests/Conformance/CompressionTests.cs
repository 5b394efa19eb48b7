using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Protocol.Records;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>Compressed batches are stored as sent (offsets from the batch header) and consumers decompress them.</summary>
public sealed class CompressionTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Theory(Timeout = 30_000)]
    [InlineData(CompressionType.Gzip)]
    [InlineData(CompressionType.Snappy)]
    [InlineData(CompressionType.Lz4)]
    [InlineData(CompressionType.Zstd)]
    public async Task Produce_CompressedBatch_IsKeptAsSentAndConsumed(CompressionType compression)
    {
        var topic = fixture.CreateTopic();
        var values = Enumerable.Range(0, 50).Select(i => new string((char)('a' + (i % 26)), 200) + i).ToList();
        using (var producer = new ProducerBuilder<Null, string>(fixture.ProducerConfig(c => { c.CompressionType = compression; c.LingerMs = 100; })).Build())
        {
            var reports = await Task.WhenAll(values.Select(v => producer.ProduceAsync(topic, new Message<Null, string> { Value = v }, TestContext.Current.CancellationToken)));
            reports.Select(r => r.Offset.Value).Should().BeEquivalentTo(Enumerable.Range(0, 50).Select(i => (long)i));
        }

        var codecs = new List<int>();
        fixture.Cluster.Core.Topics.Find(topic)!.Partitions[0].Scan(0, batch =>
        {
            codecs.Add(RecordBatchLayout.Compression(RecordBatchLayout.Attributes(batch.Data)));
            return true;
        });
        // librdkafka compresses with LZ4 only when the broker serves FindCoordinator (its "LZ4 feature" test
        // from Kafka 0.8.2); until the group coordinator lands, it sends those batches uncompressed.
        var lz4Sent = fixture.Cluster.Core.Dispatcher.Served.Any(a => a.Key == FindCoordinatorRequest.ApiKey);
        var expected = compression == CompressionType.Lz4 && !lz4Sent ? 0 : Codec(compression);
        codecs.Should().NotBeEmpty().And.AllSatisfy(c => c.Should().Be(expected, "batches are stored as the producer compressed them"));

        using var consumer = new ConsumerBuilder<Ignore, string>(fixture.ConsumerConfig()).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var results = TestClients.ConsumeExactly(consumer, 50);

        results.Select(r => r.Offset.Value).Should().Equal(Enumerable.Range(0, 50).Select(i => (long)i));
        results.Select(r => r.Message.Value).Should().Equal(values);
    }

    private static int Codec(CompressionType compression) => compression switch
    {
        CompressionType.Gzip => 1,
        CompressionType.Snappy => 2,
        CompressionType.Lz4 => 3,
        CompressionType.Zstd => 4,
        _ => 0,
    };
}
