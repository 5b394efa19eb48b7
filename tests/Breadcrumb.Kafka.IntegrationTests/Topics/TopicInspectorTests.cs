using Breadcrumb.Kafka.IntegrationTests.Support;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.IntegrationTests.Topics;

public sealed class TopicInspectorTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task GetStatsAsync_ReportsWatermarksAndCountsAndSaysBytesAreNotReported()
    {
        var topic = fixture.CreateTopic(6);
        var delivered = await RawProducer.ProduceAsync(fixture.Connection, topic, 600, i => $"k{i}");
        fixture.Cluster.DeleteRecords(topic, delivered[0].Partition, 10);
        var sut = new TopicInspector(fixture.Connection);

        var stats = await sut.GetStatsAsync(topic, TestContext.Current.CancellationToken);

        stats.Partitions.Select(p => p.Partition).Should().Equal(0, 1, 2, 3, 4, 5);
        foreach (var partition in stats.Partitions)
        {
            partition.High.Should().Be(delivered.Count(d => d.Partition == partition.Partition));
            partition.BytesStored.Should().BeNull();
        }

        stats.Partitions.Single(p => p.Partition == delivered[0].Partition).Low.Should().Be(10);
        stats.Messages.Should().Be(590);
        stats.BytesStored.Should().BeNull();
        stats.BytesNote.Should().Be(TopicInspector.BytesNotReported);
    }

    [Fact(Timeout = 60_000)]
    public async Task GetStatsAsync_ReporterThatNeverAnswers_SaysNotReportedAfterItsShortTimeout()
    {
        var topic = fixture.CreateTopic(1);
        var sut = new TopicInspector(fixture.Connection, new SilentReporter(), TimeSpan.FromMilliseconds(200));

        var stats = await sut.GetStatsAsync(topic, TestContext.Current.CancellationToken);

        stats.BytesStored.Should().BeNull();
        stats.BytesNote.Should().Be("not reported: no answer within 0.2 s");
    }

    [Fact(Timeout = 60_000)]
    public async Task GetStatsAsync_ReporterWithBytes_ReportsThemPerPartitionAndInTotal()
    {
        var topic = fixture.CreateTopic(2);
        var sut = new TopicInspector(fixture.Connection, new FixedReporter(new Dictionary<int, long> { [0] = 300, [1] = 500 }));

        var stats = await sut.GetStatsAsync(topic, TestContext.Current.CancellationToken);

        stats.Partitions.Select(p => p.BytesStored).Should().Equal(300L, 500L);
        stats.BytesStored.Should().Be(800);
        stats.BytesNote.Should().BeNull();
    }

    [Fact(Timeout = 60_000)]
    public async Task GetLagAsync_GroupThatNeverCommitted_LagsByEverything()
    {
        var topic = fixture.CreateTopic(6);
        await RawProducer.ProduceAsync(fixture.Connection, topic, 300, i => $"k{i}");
        var sut = new TopicInspector(fixture.Connection);

        var lag = await sut.GetLagAsync(topic, $"never-{Guid.NewGuid():N}", TestContext.Current.CancellationToken);

        lag.Partitions.Should().AllSatisfy(p => p.Committed.Should().BeNull());
        lag.TotalLag.Should().Be(300);
    }

    [Fact(Timeout = 60_000)]
    public async Task GetLagAsync_AfterReadingSomeKeysWithCommit_LagsByTheRest()
    {
        var topic = fixture.CreateTopic(6);
        await RawProducer.ProduceAsync(fixture.Connection, topic, 300, i => $"k{i}");
        await using (var consumer = new KeyFilteredConsumer(fixture.Connection, LabPreset.Apply(new KeyFilteredConsumerOptions
        {
            Topic = topic, GroupId = "half", Partitions = [0, 1, 2], StopAtEndOfPartitions = true,
        })))
        {
            await consumer.RunAsync(TestContext.Current.CancellationToken);
        }

        var lag = await new TopicInspector(fixture.Connection).GetLagAsync(topic, "half", TestContext.Current.CancellationToken);

        lag.Partitions.Where(p => p.Partition < 3).Should().AllSatisfy(p => p.Lag.Should().Be(0));
        lag.TotalLag.Should().Be(lag.Partitions.Where(p => p.Partition >= 3).Sum(p => p.High));
    }

    [Fact(Timeout = 60_000)]
    public async Task GetStatsAsync_MissingTopic_SaysSo()
    {
        var act = () => new TopicInspector(fixture.Connection).GetStatsAsync("nope", TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("Topic 'nope' does not exist*no stats*");
    }

    private sealed class SilentReporter : IStoredBytesReporter
    {
        public Task<IReadOnlyDictionary<int, long>?> GetStoredBytesAsync(string topic, CancellationToken cancellationToken) =>
            new TaskCompletionSource<IReadOnlyDictionary<int, long>?>().Task;
    }

    private sealed class FixedReporter(IReadOnlyDictionary<int, long> bytes) : IStoredBytesReporter
    {
        public Task<IReadOnlyDictionary<int, long>?> GetStoredBytesAsync(string topic, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<int, long>?>(bytes);
    }
}
