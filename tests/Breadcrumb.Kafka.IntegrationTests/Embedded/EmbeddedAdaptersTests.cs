using Breadcrumb.Kafka.IntegrationTests.Support;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Embedded;

public sealed class EmbeddedAdaptersTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task CreateRecordDeleter_MovesTheLowWatermarksItWasGiven()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(2);
        await RawProducer.ProduceAsync(fixture.Connection, topic, 100, i => $"k{i}");
        var before = await fixture.Cluster.GetPartitionStatsAsync(topic, cancellationToken);
        var target = before.First(p => p.HighWatermark >= 2);
        var sut = fixture.Cluster.CreateRecordDeleter();

        var result = await sut.DeleteRecordsAsync([new TopicPartitionOffset(topic, target.Partition, 2)], cancellationToken);
        var after = await fixture.Cluster.GetPartitionStatsAsync(topic, cancellationToken);

        result.Should().ContainSingle().Which.Offset.Value.Should().Be(2);
        after.Single(p => p.Partition == target.Partition).LowWatermark.Should().Be(2);
        after.Where(p => p.Partition != target.Partition).Should().AllSatisfy(p => p.LowWatermark.Should().Be(0));
    }

    [Fact(Timeout = 60_000)]
    public async Task CreateStoredBytesReporter_ReportsBytesOnlyWherePartitionsHoldRecords()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var topic = fixture.CreateTopic(3);
        await RawProducer.ProduceAsync(fixture.Connection, topic, 60, _ => "same-key");
        var stats = await fixture.Cluster.GetPartitionStatsAsync(topic, cancellationToken);

        var bytes = await fixture.Cluster.CreateStoredBytesReporter().GetStoredBytesAsync(topic, cancellationToken);

        bytes.Should().NotBeNull().And.HaveCount(3);
        bytes!.Where(b => stats.Single(s => s.Partition == b.Key).HighWatermark > 0).Should().ContainSingle()
            .Which.Value.Should().BeGreaterThan(60 * 8, "every record carries a key and a value");
        bytes.Where(b => stats.Single(s => s.Partition == b.Key).HighWatermark == 0).Should().AllSatisfy(b => b.Value.Should().Be(0));
    }
}
