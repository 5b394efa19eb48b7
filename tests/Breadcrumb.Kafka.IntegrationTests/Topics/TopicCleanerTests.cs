using Breadcrumb.Kafka.IntegrationTests.Support;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Topics;

public sealed class TopicCleanerTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task DrainAsync_ThenStats_NothingLeftToReadForThatGroup()
    {
        var topic = fixture.CreateTopic(6);
        await RawProducer.ProduceRandomKeysAsync(fixture.Connection, topic, 1000);
        var sut = new TopicCleaner(fixture.Connection);
        var inspector = new TopicInspector(fixture.Connection);

        var drained = await sut.DrainAsync(topic, "clean", TestContext.Current.CancellationToken);
        var lag = await inspector.GetLagAsync(topic, "clean", TestContext.Current.CancellationToken);
        var stats = await inspector.GetStatsAsync(topic, TestContext.Current.CancellationToken);

        drained.Discarded.Should().Be(1000);
        drained.StopReason.Should().Be(ConsumeStopReason.EndOfPartitions);
        lag.TotalLag.Should().Be(0);
        lag.Partitions.Where(p => p.High > 0).Should().AllSatisfy(p => p.Committed.Should().Be(p.High));
        stats.Messages.Should().Be(1000, "draining moves the group's offsets, it does not delete records");
        var again = await sut.DrainAsync(topic, "clean", TestContext.Current.CancellationToken);
        again.Discarded.Should().Be(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task TruncateAsync_MovesEveryLowWatermarkToTheHighOne()
    {
        var topic = fixture.CreateTopic(6);
        await RawProducer.ProduceAsync(fixture.Connection, topic, 1000, i => $"k{i}");
        var sut = new TopicCleaner(fixture.Connection, fixture.Cluster.CreateRecordDeleter());

        var result = await sut.TruncateAsync(topic, TestContext.Current.CancellationToken);
        var stats = await new TopicInspector(fixture.Connection).GetStatsAsync(topic, TestContext.Current.CancellationToken);

        result.Deleted.Should().Be(1000);
        result.Partitions.Should().HaveCount(6).And.AllSatisfy(p => p.LowAfter.Should().Be(p.High));
        stats.Partitions.Should().AllSatisfy(p => p.Low.Should().Be(p.High));
        stats.Messages.Should().Be(0);
        stats.Partitions.Sum(p => p.High).Should().Be(1000, "truncating keeps the offsets: new records continue after them");
    }

    [Fact(Timeout = 60_000)]
    public async Task TruncateAsync_DefaultAdminClientDeleter_WorksOnTheEmbeddedBroker()
    {
        // The path users take on a real cluster: AdminClient DeleteRecords, which the embedded broker serves as Kafka does.
        var topic = fixture.CreateTopic(6);
        await RawProducer.ProduceAsync(fixture.Connection, topic, 300, i => $"k{i}");
        var sut = new TopicCleaner(fixture.Connection);

        var result = await sut.TruncateAsync(topic, TestContext.Current.CancellationToken);
        var stats = await new TopicInspector(fixture.Connection).GetStatsAsync(topic, TestContext.Current.CancellationToken);

        result.Deleted.Should().Be(300);
        stats.Messages.Should().Be(0);
        stats.Partitions.Should().AllSatisfy(p => p.Low.Should().Be(p.High));
    }

    [Fact(Timeout = 60_000)]
    public async Task TruncateAsync_TopicDoesNotExist_SaysSoAndDeletesNothing()
    {
        var existing = fixture.CreateTopic(2);
        var deleter = new RecordingDeleter(fixture.Cluster.CreateRecordDeleter());
        var sut = new TopicCleaner(fixture.Connection, deleter);

        var act = () => sut.TruncateAsync("no-such-topic", TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<InvalidOperationException>())
            .WithMessage($"Topic 'no-such-topic' does not exist on {fixture.Cluster.BootstrapServers}*nothing was deleted. Check the name; topics found: *{existing}*");
        deleter.Requests.Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task TruncateAsync_NotAuthorized_KafkaAuthorizationErrorSaysWhichRightIsMissingAndLeavesRecords_Issue20()
    {
        var topic = fixture.CreateTopic(6);
        await RawProducer.ProduceAsync(fixture.Connection, topic, 100, i => $"k{i}");
        var sut = new TopicCleaner(fixture.Connection, new RefusingDeleter());

        var act = () => sut.TruncateAsync(topic, TestContext.Current.CancellationToken);

        var thrown = (await act.Should().ThrowAsync<KafkaAuthorizationException>())
            .WithMessage($"Not allowed to delete records of topic '{topic}' (TopicAuthorizationFailed): nothing was deleted. Grant the DELETE operation*").Which;
        thrown.Should().BeAssignableTo<KafkaException>("an ACL failure is a Kafka error, not a file-system one");
        thrown.Error.Code.Should().Be(ErrorCode.TopicAuthorizationFailed);
        var stats = await new TopicInspector(fixture.Connection).GetStatsAsync(topic, TestContext.Current.CancellationToken);
        stats.Messages.Should().Be(100);
    }

    [Fact(Timeout = 60_000)]
    public async Task DrainAsync_TopicDoesNotExist_SaysSo()
    {
        var sut = new TopicCleaner(fixture.Connection);

        var act = () => sut.DrainAsync("missing-topic", cancellationToken: TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("Topic 'missing-topic' does not exist*nothing was drained*");
    }

    private sealed class RefusingDeleter : IRecordDeleter
    {
        public Task<IReadOnlyList<TopicPartitionOffset>> DeleteRecordsAsync(IReadOnlyList<TopicPartitionOffset> deleteBefore, CancellationToken cancellationToken) =>
            throw new KafkaException(ErrorCode.TopicAuthorizationFailed);
    }

    private sealed class RecordingDeleter(IRecordDeleter inner) : IRecordDeleter
    {
        public List<TopicPartitionOffset> Requests { get; } = [];

        public Task<IReadOnlyList<TopicPartitionOffset>> DeleteRecordsAsync(IReadOnlyList<TopicPartitionOffset> deleteBefore, CancellationToken cancellationToken)
        {
            Requests.AddRange(deleteBefore);
            return inner.DeleteRecordsAsync(deleteBefore, cancellationToken);
        }
    }
}
