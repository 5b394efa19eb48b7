using Breadcrumb.Kafka.Lab.Producing;
using Breadcrumb.Kafka.Samples.ConsumerGroups;
using Breadcrumb.Kafka.Samples.Concurrent;
using Breadcrumb.Kafka.Samples.Flush;
using Breadcrumb.Kafka.Samples.Initialization;
using Breadcrumb.Kafka.Samples.Keys;
using Breadcrumb.Kafka.Samples.Monitoring;
using Breadcrumb.Kafka.Samples.MultipleProducers;
using Breadcrumb.Kafka.Samples.Storage;
using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Tests;

/// <summary>Runs each section's entry point in-process on the embedded broker and checks the lab's invariants.</summary>
public sealed class SectionTests(SectionFixture fixture) : IClassFixture<SectionFixture>
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "breadcrumb-samples-tests", Guid.NewGuid().ToString("N"));

    [Fact(Timeout = 120_000)]
    public async Task A_ThousandRecords_ProducedOneAtATimeAndConsumed()
    {
        var sut = fixture.Context(fixture.CreateTopic());

        var summary = await InitializationSection.RunAsync(sut, new InitializationOptions { Output = Path.Combine(scratch, "bcsample.json") });

        summary.RecordsInFile.Should().Be(1000);
        summary.Produced.Should().Be(1000);
        summary.Consumed.Should().Be(1000);
        summary.Partitions.Sum(p => p.Count).Should().Be(1000);
        summary.ConsumedPerPartition.Values.Sum().Should().Be(1000);
        summary.CheckInvariants(1000).Should().BeEmpty();
    }

    [Fact(Timeout = 120_000)]
    public async Task B_Monitor_SeesTheDemoLoadMove()
    {
        var sut = fixture.Context(fixture.CreateTopic(), records: 300);

        // Duration only caps the demo producer: generous, so a busy machine's slow readings (which lengthen the pacing) cannot cut it short.
        var summary = await MonitoringSection.RunAsync(sut, new MonitoringOptions { Interval = TimeSpan.FromMilliseconds(400), Duration = TimeSpan.FromSeconds(60) });

        summary.Produced.Should().Be(300);
        summary.RecordsIn.Should().Be(300, "the monitor reads the watermarks the demo producer moved");
        summary.LagZeroAt.Should().NotBeNull();
        summary.Partitions.Should().HaveCount(6);
        summary.Ticks[^1].Bytes.Should().BeGreaterThan(0, "the embedded broker reports stored bytes");
        summary.CheckInvariants(300).Should().BeEmpty();
    }

    [Fact(Timeout = 120_000)]
    public async Task B_NoConsumerFollowsTheLoad_LagNotBackToZeroReportedBroken()
    {
        var sut = fixture.Context(fixture.CreateTopic(), records: 300);

        var summary = await MonitoringSection.RunAsync(sut, new MonitoringOptions
        {
            Interval = TimeSpan.FromMilliseconds(300),
            Duration = TimeSpan.FromSeconds(60),
            ConsumeLoad = false,
            LagBound = TimeSpan.FromSeconds(1),
        });

        summary.LagZeroAt.Should().BeNull();
        summary.CheckInvariants(300).Should().Contain(s => s.Contains("lag was not back to 0 within 1 s", StringComparison.Ordinal) && s.Contains("lag 300", StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task C_SecondRunInSameGroupGetsNothing_NewGroupGetsAll_DrainLeavesNothing()
    {
        var sut = fixture.Context(fixture.CreateTopic());

        var summary = await StorageSection.RunAsync(sut, Path.Combine(scratch, "c.json"));

        summary.Produced.Should().Be(1000);
        summary.Wc.Bytes.Should().Be(new FileInfo(summary.File).Length);
        summary.FirstRunSameGroup.Should().Be(1000);
        summary.SecondRunSameGroup.Should().Be(0);
        summary.NewGroup.Should().Be(1000);
        summary.Drained.Should().Be(1000);
        summary.RemainingAfterDrain.Should().Be(0);
        summary.Partitions.Sum(p => p.Messages).Should().Be(1000);
        summary.HeldBeforeConsumers.Should().Be(1000);
        summary.CheckInvariants(1000).Should().BeEmpty();
    }

    [Fact(Timeout = 120_000)]
    public async Task D_TwoConcurrentProducers_OffsetSpansAddUpAndOneConsumerGetsAll()
    {
        var sut = fixture.Context(fixture.CreateTopic());

        var summary = await MultipleProducersSection.RunAsync(sut);

        summary.Produced.Should().Be(2000);
        summary.Consumed.Should().Be(2000);
        summary.Producers.Should().HaveCount(2).And.OnlyContain(p => p.Offsets.Sum(o => o.Last - o.First + 1) == 1000);
        summary.CheckInvariants(1000).Should().BeEmpty();
    }

    [Fact(Timeout = 120_000)]
    public async Task E_PacedProducersAndTwoConsumers_NoLossNoOverlap()
    {
        var sut = fixture.Context(fixture.CreateTopic());

        var summary = await ConcurrentSection.RunAsync(sut, new ConcurrentOptions { RecordsPerProducer = 40, Pacing = TimeSpan.FromMilliseconds(10) });

        summary.Produced.Should().Be(120);
        summary.Consumers.Should().HaveCount(2);
        summary.Consumers.Sum(c => c.Count).Should().Be(120, "every record reaches exactly one consumer of the group");
        summary.Consumers.SelectMany(c => c.PerPartition.Values).Sum().Should().Be(120);
        summary.Consumers.SelectMany(c => c.Partitions).Should().OnlyHaveUniqueItems().And.BeEquivalentTo([0, 1, 2, 3, 4, 5], "final assignments split the topic");
        summary.Group.ReadTwice.Should().Be(0);
        summary.CheckInvariants(40).Should().BeEmpty();
    }

    [Fact(Timeout = 120_000)]
    public async Task F_RandomKeys_PerKeyCountsAddUpAndMissingKeyGivesNothing()
    {
        var sut = fixture.Context(fixture.CreateTopic());

        var summary = await KeysSection.RunAsync(sut, new KeysOptions());

        summary.Produced.Should().Be(1000);
        summary.PerKey.Keys.Should().BeEquivalentTo(["1", "2", "3", "4", "5"]);
        summary.PerKey.Values.Sum().Should().Be(1000);
        summary.PerKey.Should().BeEquivalentTo(summary.ProducedPerKey, "each key's consumer keeps exactly what the producer sent with that key");
        summary.MissingKey.Should().Be("100");
        summary.MissingKeyCount.Should().Be(0);
        summary.OrderWithinKeyHeld.Should().BeTrue();
        summary.KeySet.Kept.Should().Be(summary.PerKey["1"] + summary.PerKey["3"]);
        summary.CheckInvariants(1000).Should().BeEmpty();
    }

    [Fact(Timeout = 120_000)]
    public async Task G_ThreeFlushRuns_TimelineWrittenAndFlushesCounted()
    {
        var sut = fixture.Context(fixture.CreateTopic());

        var summary = await FlushSection.RunAsync(sut, new FlushOptions { Count = 15, Pause = TimeSpan.FromMilliseconds(100), OutputDirectory = scratch });

        summary.Runs.Select(r => r.Mode).Should().Equal("never", "each", "pause5-flush15");
        summary.Runs[0].Flushes.Should().Be(0);
        summary.Runs[1].Flushes.Should().Be(15);
        summary.Runs[2].Flushes.Should().Be(1);
        summary.Runs.Should().OnlyContain(r => r.Received == 15 && r.DeliveryReports == 15 && r.Stored == 15, "every run, never included, waits for its reports");
        summary.ConsumerFetchWaitMaxMs.Should().Be(10);
        File.ReadAllLines(summary.TimelineCsv).Count(l => l.Contains(",received,", StringComparison.Ordinal)).Should().Be((int)summary.Consumed);
        summary.CheckInvariants(15).Should().BeEmpty();
    }

    [Fact(Timeout = 120_000)]
    public async Task H_GroupsEachGetAll_MembersOfOneGroupSplit_NewGroupReadsHistory()
    {
        var sut = fixture.Context(fixture.CreateTopic());

        var summary = await ConsumerGroupsSection.RunAsync(sut);

        summary.Produced.Should().Be(2000);
        summary.Groups.Where(g => g.Step == "3").Should().HaveCount(2).And.OnlyContain(g => g.Members.Single().Count == 1000);
        var split = summary.Groups.Where(g => g.Step == "5").OrderByDescending(g => g.Members.Count).ToList();
        split[0].Members.Should().HaveCount(2).And.OnlyContain(c => c.Count > 0 && c.Count < 1000, "two members of one group split the records");
        split[0].Members.SelectMany(m => m.Partitions).Should().BeEquivalentTo([0, 1, 2, 3, 4, 5], "their final assignments split the partitions");
        split[0].Members.Sum(c => c.Count).Should().Be(1000);
        split[1].Members.Single().Count.Should().Be(1000);
        summary.NewGroup.Should().Be(2000);
        summary.CheckInvariants(1000).Should().BeEmpty();
    }

    [Fact(Timeout = 120_000)]
    public async Task H_ConsumersThatSkipRecords_ReportedBroken()
    {
        var sut = fixture.Context(fixture.CreateTopic(), records: 200);

        var summary = await ConsumerGroupsSection.RunAsync(sut, new ConsumerGroupsOptions
        {
            Keep = RecordFilter.Where(r => r.Offset % 10 != 3, "all but offsets ending in 3"),
            ConsumeDeadline = TimeSpan.FromSeconds(30),
            // The records are missing for good, so waiting out a possible rebalance only costs time here.
            GroupIdle = TimeSpan.FromSeconds(1.5),
        });

        summary.Groups.Should().OnlyContain(g => g.Missing > 0);
        summary.CheckInvariants(200).Should().HaveCount(summary.Groups.Count).And.OnlyContain(s => s.Contains(" missed ", StringComparison.Ordinal));
    }
}
