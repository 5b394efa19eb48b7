using Breadcrumb.Kafka.IntegrationTests.Reliability.Support;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.IntegrationTests.Reliability;

/// <summary>Issue 9: bad input stops a run before anything is sent, unless the caller asked to skip bad records (then they are counted).</summary>
public sealed class NothingSentHalfWayTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("breadcrumb-reliability-").FullName;

    [Fact(Timeout = 60_000)]
    public async Task ProduceAll_FileWithABadRecordReadWholeFirst_ThrowsNamingTheLineAndSendsNothing()
    {
        var topic = fixture.CreateTopic(6, "bad-file");
        var path = await WriteFileWithBadLinesAsync(1_000, 500);
        await using var sut = CreateSut(topic);

        var act = async () => await sut.ProduceAllAsync(await BreadcrumbFile.ReadAsync(path, cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        (await act.Should().ThrowAsync<BreadcrumbFileException>()).Which.Message.Should().StartWith($"{path} line 501");
        sut.GetSummary().Sent.Should().Be(0);
        (await StoredAsync(topic)).Should().Be(0, "the bad line was found before the first send");
    }

    [Fact(Timeout = 60_000)]
    public async Task ProduceAll_SkipInvalidRecords_SendsTheGoodOnesAndCountsEachBadOne()
    {
        var topic = fixture.CreateTopic(6, "skip-file");
        var path = await WriteFileWithBadLinesAsync(1_000, 10, 500, 999);
        var skipped = new List<BreadcrumbFileException>();
        await using var sut = CreateSut(topic);

        var summary = await sut.ProduceAllAsync(
            BreadcrumbFile.ReadAsync(path, new BreadcrumbReadOptions { SkipInvalidRecords = true, InvalidRecordSkipped = skipped.Add }, TestContext.Current.CancellationToken),
            TestContext.Current.CancellationToken);

        skipped.Select(e => e.Line).Should().Equal(11L, 501L, 1000L);
        summary.Should().Match<ProduceRunSummary>(s => s.Sent == 997 && s.Delivered == 997 && s.Failed == 0);
        (await StoredAsync(topic)).Should().Be(997);
    }

    [Fact(Timeout = 60_000)]
    public async Task ProduceAll_ListWithNullInTheMiddle_ThrowsNamingThePositionAndSendsNothing()
    {
        var topic = fixture.CreateTopic(6, "null-record");
        var records = Ids.Records(0, 100).ToList();
        records[50] = null!;
        await using var sut = CreateSut(topic);

        var act = () => sut.ProduceAllAsync(records, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("null at position 50").And.Contain("Nothing was sent");
        sut.GetSummary().Sent.Should().Be(0);
        (await StoredAsync(topic)).Should().Be(0);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private async Task<long> StoredAsync(string topic) =>
        (await fixture.Cluster.GetPartitionStatsAsync(topic, TestContext.Current.CancellationToken)).Sum(s => s.HighWatermark);

    private async Task<string> WriteFileWithBadLinesAsync(int count, params int[] bad)
    {
        var path = Path.Combine(directory, $"bcsample-{Guid.NewGuid():N}.json");
        await BreadcrumbFile.WriteAsync(path, BreadcrumbFile.Generate(count, seed: 3), BreadcrumbFileFormat.JsonLines, TestContext.Current.CancellationToken);
        var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
        foreach (var index in bad)
        {
            lines[index] = lines[index].Replace("\"METERS\": \"", "\"METERS\": 7, \"X\": \"", StringComparison.Ordinal);
        }

        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);
        return path;
    }

    private BreadcrumbProducer CreateSut(string topic) => new(fixture.Connection, LabPreset.Apply(new BreadcrumbProducerOptions { Topic = topic }));
}
