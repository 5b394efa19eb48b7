using Breadcrumb.Kafka.IntegrationTests.Fidelity;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Assumptions;

/// <summary>Pins what the fidelity layer relies on and fixes, with messages naming the assumption.</summary>
public sealed class FidelityLayerAssumptionTests(FaithfulKafkaFixture fixture) : IClassFixture<FaithfulKafkaFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task Layer_MetadataAdvertisesTheProxies_NotTheMockListeners()
    {
        using var admin = new AdminClientBuilder(fixture.Connection.CreateAdminConfig()).Build();

        var metadata = await Task.Run(() => admin.GetMetadata(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);

        var advertised = metadata.Brokers.Select(b => $"127.0.0.1:{b.Port}");
        string.Join(',', advertised).Should().Be(fixture.Cluster.BootstrapServers,
            "ASSUMPTION BROKE: rd_kafka_mock_broker_set_host_port changes what the mock advertises, so clients reach the layer");
        fixture.Cluster.BootstrapServers.Should().NotBe(fixture.Cluster.MockBootstrapServers);
    }

    [Fact(Timeout = 60_000)]
    public async Task Layer_CountsWhatEachPartitionReceived_AndNothingDropped()
    {
        var topic = fixture.CreateTopic(partitions: 2);
        using (var producer = new ProducerBuilder<Null, string>(fixture.Connection.CreateProducerConfig()).Build())
        {
            for (var i = 0; i < 10; i++)
            {
                await producer.ProduceAsync(new TopicPartition(topic, i % 2), new Message<Null, string> { Value = new string('x', 100) }, TestContext.Current.CancellationToken);
            }
        }

        var stats = await fixture.Cluster.GetPartitionStatsAsync(topic, TestContext.Current.CancellationToken);
        await fixture.Cluster.AssertNothingDroppedAsync(topic, TestContext.Current.CancellationToken);

        stats.Select(s => s.ReceivedMessages).Should().Equal([5L, 5L], "the layer counts records from Produce requests");
        stats.Should().OnlyContain(s => s.ReceivedBytes > 500 && s.LowWatermark == 0 && s.HighWatermark == 5);
    }

    [Fact]
    public void ThrowIfRunExceedsRetention_TooManyRecords_SaysTheLimitAndTheWayOut()
    {
        var topic = fixture.CreateTopic(partitions: 1);

        var act = () => fixture.Cluster.ThrowIfRunExceedsRetention(topic, 0, 200_000, 10);

        act.Should().Throw<InvalidOperationException>().WithMessage(
            "A run adding 200,000 records of ~10 bytes to '*' [0] would bring it to 200,000 records / 2,000,000 bytes; librdkafka's mock keeps at most 100,000 records*Use more partitions*");
    }
}
