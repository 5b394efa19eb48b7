using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Tests.Support;

public sealed class DescribeLogDirsTests(SectionFixture fixture) : IClassFixture<SectionFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task GetPartitionSizesAsync_BrokerServesIt_SumsTheLogDirectories()
    {
        await using var broker = new FakeLogDirsBroker(0, 4, "t", new Dictionary<int, long> { [0] = 1000, [3] = 64 });

        var sizes = await DescribeLogDirsClient.GetPartitionSizesAsync("127.0.0.1", broker.Port, "t", [0, 3], TestContext.Current.CancellationToken);

        sizes.Should().BeEquivalentTo(new Dictionary<int, long> { [0] = 1000, [3] = 64 });
        broker.Requests.Should().Equal((18, 0), (35, 1));
    }

    [Fact(Timeout = 30_000)]
    public async Task GetPartitionSizesAsync_OnlyFlexibleVersionsServed_ReturnsNullWithoutAsking()
    {
        await using var broker = new FakeLogDirsBroker(2, 4, "t", new Dictionary<int, long> { [0] = 1000 });

        var sizes = await DescribeLogDirsClient.GetPartitionSizesAsync("127.0.0.1", broker.Port, "t", [0], TestContext.Current.CancellationToken);

        sizes.Should().BeNull();
        broker.Requests.Should().Equal((18, 0));
    }

    [Fact(Timeout = 60_000)]
    public async Task GetStoredBytesAsync_EmbeddedBroker_AnswersDescribeLogDirsWithItsOwnCount()
    {
        var topic = fixture.CreateTopic();
        var ctx = fixture.Context(topic);
        await using (var producer = new BreadcrumbProducer(ctx.Connection, LabPreset.Apply(new BreadcrumbProducerOptions { Topic = topic })))
        {
            await producer.ProduceAllAsync(BreadcrumbFile.Generate(10, 1), TestContext.Current.CancellationToken);
        }

        var direct = await new DescribeLogDirsReporter(ctx.Connection).GetStoredBytesAsync(topic, TestContext.Current.CancellationToken);
        var stats = await ctx.CreateInspector().GetStatsAsync(topic, TestContext.Current.CancellationToken);

        var own = (await fixture.Cluster.GetPartitionStatsAsync(topic, TestContext.Current.CancellationToken)).ToDictionary(p => p.Partition, p => p.StoredBytes);
        direct.Should().BeEquivalentTo(own.Where(p => p.Value > 0 || direct!.ContainsKey(p.Key)), "the C# broker serves DescribeLogDirs from the bytes it holds");
        stats.BytesStored.Should().Be(own.Values.Sum());
        ctx.StoredBytesSource.Should().Be("the partition leaders' DescribeLogDirs answer");
    }
}
