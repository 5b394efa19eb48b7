using System.Diagnostics;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Producing;

/// <summary>
/// The lab's section G on the embedded broker. Confluent.Kafka polls delivery reports on a background thread, so
/// "no poll" cannot be shown by not polling; a 60 s <c>linger.ms</c> holds records in the client instead: nothing is
/// sent, so no report can arrive, until a flush (which ignores linger) or dispose.
/// </summary>
public sealed class FlushBehaviourTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task Never_WithoutFlush_NoReportsUntilFlushAsync()
    {
        var topic = fixture.CreateTopic(partitions: 6);
        var collector = new ReportCollector();
        await using var sut = CreateSut(topic, FlushPolicy.Never, collector);

        var summary = await sut.ProduceAllAsync(ProducerTestKit.Records(20), TestContext.Current.CancellationToken);
        var probes = await ProveTheBrokerAnswersAsync(topic);
        var reportsBeforeFlush = collector.Reports.Count;
        var storedBeforeFlush = ProducerTestKit.Watermarks(fixture, topic, 6).Sum(w => w.High);
        await sut.FlushAsync(TestContext.Current.CancellationToken);

        summary.Pending.Should().Be(20, "Never does not flush at the end of a run");
        reportsBeforeFlush.Should().Be(0);
        storedBeforeFlush.Should().Be(probes, "only the probe records reached the broker");
        collector.Reports.Should().HaveCount(20).And.AllSatisfy(r => r.IsDelivered.Should().BeTrue());
        sut.GetSummary().Delivered.Should().Be(20);
    }

    [Fact(Timeout = 60_000)]
    public async Task Never_DisposedWithoutFlush_EveryRecordReportedAsNotDelivered()
    {
        var topic = fixture.CreateTopic(partitions: 6);
        var collector = new ReportCollector();
        var sut = CreateSut(topic, FlushPolicy.Never, collector);

        await sut.ProduceAllAsync(ProducerTestKit.Records(20), TestContext.Current.CancellationToken);
        await sut.DisposeAsync();

        var summary = sut.GetSummary();
        summary.Should().BeEquivalentTo(new { Sent = 20L, Delivered = 0L, Failed = 20L, Pending = 0L });
        summary.Failures.Should().HaveCount(20).And.AllSatisfy(f => f.Code.Should().Be(ErrorCode.Local_PurgeQueue));
        collector.Reports.Should().HaveCount(20).And.AllSatisfy(r => r.Error!.Code.Should().Be(ErrorCode.Local_PurgeQueue));
        ProducerTestKit.Watermarks(fixture, topic, 6).Sum(w => w.High).Should().Be(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task Never_PendingSendAsyncAtDispose_CompletesWithItsKeyAsNotDelivered()
    {
        var topic = fixture.CreateTopic(partitions: 6);
        var sut = CreateSut(topic, FlushPolicy.Never, null, KeyStrategy.Constant("k1"));

        var pending = sut.SendAsync(new BreadcrumbRecord(), TestContext.Current.CancellationToken).AsTask();
        await sut.DisposeAsync();
        var report = await pending;

        report.Should().BeEquivalentTo(new { Key = "k1", Partition = -1, IsDelivered = false });
        report.Error!.Code.Should().Be(ErrorCode.Local_PurgeQueue);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendAsync_Canceled_StopsWaitingButTheRecordIsStillDeliveredAndCounted()
    {
        var topic = fixture.CreateTopic(partitions: 6);
        await using var sut = CreateSut(topic, FlushPolicy.AtEnd, null);
        using var cts = new CancellationTokenSource();

        var send = sut.SendAsync(new BreadcrumbRecord(), cts.Token).AsTask();
        await cts.CancelAsync();
        var act = () => send;
        await act.Should().ThrowAsync<OperationCanceledException>();
        await sut.FlushAsync(TestContext.Current.CancellationToken);

        sut.GetSummary().Delivered.Should().Be(1);
    }

    [Fact(Timeout = 60_000)]
    public async Task AtEnd_Dispose_FlushesHeldRecords()
    {
        var topic = fixture.CreateTopic(partitions: 6);
        var sut = CreateSut(topic, FlushPolicy.AtEnd, null);
        foreach (var record in ProducerTestKit.Records(30))
        {
            sut.Send(record);
        }

        await sut.DisposeAsync();

        sut.GetSummary().Delivered.Should().Be(30);
        ProducerTestKit.Watermarks(fixture, topic, 6).Sum(w => w.High).Should().Be(30);
    }

    [Fact(Timeout = 60_000)]
    public async Task EveryN15_ReportsArriveInGroupsOf15()
    {
        var topic = fixture.CreateTopic(partitions: 6);
        var collector = new ReportCollector();
        await using var sut = CreateSut(topic, FlushPolicy.EveryN(15), collector);

        var summary = await sut.ProduceAllAsync(collector.Counting(ProducerTestKit.Records(45)), TestContext.Current.CancellationToken);

        summary.Delivered.Should().Be(45);
        collector.Timeline.GroupBy(t => t.SentWhenRaised).Select(g => (SentWhenRaised: g.Key, Reports: g.Count()))
            .Should().Equal((15, 15), (30, 15), (45, 15));
    }

    /// <summary>
    /// Sends probe records from another producer (no linger) for at least 200 ms, each awaited: the broker and the
    /// clients' threads demonstrably run, so reports the held producer had ready would have arrived by now.
    /// </summary>
    private async Task<long> ProveTheBrokerAnswersAsync(string topic)
    {
        await using var probe = new BreadcrumbProducer(fixture.Connection, LabPreset.Apply(new BreadcrumbProducerOptions
        {
            Topic = topic,
            Name = "probe",
            Partition = ExplicitPartition.Fixed(0),
            ConfigureClient = c => c.LingerMs = 0,
        }));
        var watch = Stopwatch.StartNew();
        long probes = 0;
        do
        {
            var delivered = await probe.SendAsync(new BreadcrumbRecord(), TestContext.Current.CancellationToken);
            delivered.IsDelivered.Should().BeTrue();
            probes++;
        }
        while (watch.Elapsed < TimeSpan.FromMilliseconds(200));
        return probes;
    }

    private BreadcrumbProducer CreateSut(string topic, FlushPolicy policy, ReportCollector? reports, KeyStrategy? keys = null) =>
        new(fixture.Connection, LabPreset.Apply(new BreadcrumbProducerOptions
        {
            Topic = topic,
            FlushPolicy = policy,
            OnDelivery = reports is null ? null : reports.Report,
            KeyStrategy = keys ?? KeyStrategy.Random1To5(seed: 9),
            ConfigureClient = c => c.LingerMs = 60_000,
        }));
}
