using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Embedded;

public sealed class EmbeddedKafkaClusterTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 60_000)]
    public void CreateTopic_SixPartitions_MetadataReportsSix()
    {
        var topic = fixture.CreateTopic(partitions: 6);

        using var admin = new AdminClientBuilder(fixture.Connection.CreateAdminConfig()).Build();
        var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));

        metadata.Topics.Should().ContainSingle().Which.Partitions.Should().HaveCount(6);
    }

    [Fact(Timeout = 60_000)]
    public async Task ProduceThenConsume_Thousand_AllConsumed()
    {
        var topic = fixture.CreateTopic(partitions: 6);
        await ProduceAsync(fixture.Connection, topic, 1000);

        var consumed = ConsumeAll(fixture.Connection, topic, expected: 1000);

        consumed.Should().Be(1000);
    }

    [Fact(Timeout = 60_000)]
    public async Task DeleteRecords_MovesLowWatermark()
    {
        var topic = fixture.CreateTopic(partitions: 1);
        await ProduceAsync(fixture.Connection, topic, 10);

        fixture.Cluster.DeleteRecords(topic, 0, 7);

        using var consumer = new ConsumerBuilder<Ignore, Ignore>(fixture.Connection.CreateConsumerConfig("wm")).Build();
        var offsets = consumer.QueryWatermarkOffsets(new TopicPartition(topic, 0), TimeSpan.FromSeconds(10));
        offsets.Low.Value.Should().Be(7);
        offsets.High.Value.Should().Be(10);
    }

    [Fact(Timeout = 60_000)]
    public async Task TwoClusters_InOneProcess_DoNotSeeEachOther()
    {
        await using var other = EmbeddedKafkaCluster.Start();
        var topic = fixture.CreateTopic(partitions: 1);
        await ProduceAsync(fixture.Connection, topic, 5);

        other.BootstrapServers.Should().NotBe(fixture.Cluster.BootstrapServers);
        using var admin = new AdminClientBuilder(other.Connection.CreateAdminConfig()).Build();
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
        metadata.Topics.Select(t => t.Topic).Should().NotContain(topic);
    }

    [Fact]
    public void CreateTopic_InvalidName_NamesTheProblem()
    {
        var act = () => fixture.Cluster.CreateTopic("bad topic!", 3);

        act.Should().Throw<ArgumentException>().WithMessage("*\"bad topic!\" is illegal, it contains a character other than ASCII alphanumerics*");
    }

    [Fact]
    public async Task SetBrokerDown_UnknownBroker_SaysWhichIdsExist()
    {
        var act = () => fixture.Cluster.SetBrokerDownAsync(7);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("No broker has node id 7; the brokers are 1.*");
    }

    private static async Task ProduceAsync(KafkaConnection connection, string topic, int count)
    {
        using var producer = new ProducerBuilder<string, string>(connection.CreateProducerConfig()).Build();
        for (var i = 0; i < count; i++)
        {
            producer.Produce(topic, new Message<string, string> { Key = $"k{i % 5}", Value = $"v{i}" });
        }

        await Task.Run(() => producer.Flush(Deadline));
    }

    private static int ConsumeAll(KafkaConnection connection, string topic, int expected)
    {
        var config = connection.CreateConsumerConfig($"g-{Guid.NewGuid():N}");
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Subscribe(topic);
        var count = 0;
        var deadline = DateTime.UtcNow + Deadline;
        while (count < expected && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is not null)
            {
                count++;
            }
        }

        consumer.Close();
        return count;
    }
}
