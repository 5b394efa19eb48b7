using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Producing;

public sealed class BreadcrumbProducerTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task SendAsync_Thousand_DeliveredWithStrictlyIncreasingOffsetsPerPartition()
    {
        var topic = fixture.CreateTopic(partitions: 6);
        await using var sut = CreateSut(topic, o => o.KeyStrategy = KeyStrategy.Random1To5(seed: 42));

        var sends = ProducerTestKit.Records(1000).Select(r => sut.SendAsync(r, TestContext.Current.CancellationToken).AsTask()).ToList();
        var reports = await Task.WhenAll(sends);

        reports.Should().AllSatisfy(r => r.IsDelivered.Should().BeTrue());
        foreach (var partition in reports.GroupBy(r => r.Partition))
        {
            partition.Select(r => r.Offset).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems($"partition {partition.Key} keeps send order");
        }

        var summary = sut.GetSummary();
        summary.Should().BeEquivalentTo(new { Sent = 1000L, Delivered = 1000L, Failed = 0L, Pending = 0L });
        summary.Partitions.Sum(p => p.Count).Should().Be(1000);
        ProducerTestKit.Watermarks(fixture, topic, 6).Sum(w => w.High - w.Low).Should().Be(1000);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendAsync_Report_CarriesTopicPartitionOffsetKeyAndTimestamp()
    {
        var topic = fixture.CreateTopic(partitions: 6);
        await using var sut = CreateSut(topic, o => o.KeyStrategy = KeyStrategy.Constant("bus-1776"));
        var report = await sut.SendAsync(new BreadcrumbRecord { VehicleId = "1776" }, TestContext.Current.CancellationToken);

        report.Should().BeEquivalentTo(new { Producer = "producer0", Topic = topic, Offset = 0L, Key = "bus-1776", Error = (Error?)null });
        report.Partition.Should().BeInRange(0, 5);
        report.Timestamp.Should().NotBeNull();
        report.TimestampType.Should().NotBe(TimestampType.NotAvailable);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendAsync_CreateTimeTopic_ReportsTheProducersCreateTime()
    {
        // A CreateTime topic (Kafka's default) keeps the producer's timestamp; the broker answers log_append_time -1.
        await using var sut = CreateSut(fixture.CreateTopic(partitions: 1));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var report = await sut.SendAsync(new BreadcrumbRecord(), TestContext.Current.CancellationToken);

        report.TimestampType.Should().Be(TimestampType.CreateTime);
        report.Timestamp.Should().BeOnOrAfter(before).And.BeOnOrBefore(DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact(Timeout = 60_000)]
    public async Task ProduceAllAsync_Thousand_SummaryMatchesTheBroker()
    {
        var topic = fixture.CreateTopic(partitions: 6);
        await using var sut = CreateSut(topic, o => o.KeyStrategy = KeyStrategy.Random1To5(seed: 1));

        var summary = await sut.ProduceAllAsync(ProducerTestKit.Records(1000), TestContext.Current.CancellationToken);

        summary.Should().BeEquivalentTo(new { Sent = 1000L, Delivered = 1000L, Failed = 0L, Pending = 0L });
        var watermarks = ProducerTestKit.Watermarks(fixture, topic, 6);
        foreach (var partition in summary.Partitions)
        {
            partition.FirstOffset.Should().Be(0);
            partition.LastOffset.Should().Be(watermarks[partition.Partition].High - 1);
            partition.Span.Should().Be(partition.Count, "one producer owns the whole partition");
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task ProduceAllAsync_ExplicitPartitionFromKey_KeyIsThePartition()
    {
        var topic = fixture.CreateTopic(partitions: 6);
        var collector = new ReportCollector();
        await using var sut = CreateSut(topic, o =>
        {
            o.KeyStrategy = KeyStrategy.Random1To5(seed: 3);
            o.Partition = ExplicitPartition.FromKey;
            o.OnDelivery = collector.Report;
        });

        var summary = await sut.ProduceAllAsync(ProducerTestKit.Records(200), TestContext.Current.CancellationToken);

        summary.Delivered.Should().Be(200);
        collector.Reports.Should().HaveCount(200).And.AllSatisfy(r => r.Partition.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(r.Key));
        ProducerTestKit.Watermarks(fixture, topic, 6)[0].High.Should().Be(0, "keys 1-5 never use partition 0");
    }

    [Fact(Timeout = 60_000)]
    public async Task ProduceAllAsync_TwoConcurrentProducers_OffsetsPerProducerAddUp()
    {
        var topic = fixture.CreateTopic(partitions: 6);
        await using var first = CreateSut(topic, o => (o.Name, o.KeyStrategy) = ("producer0", KeyStrategy.ProducerName));
        await using var second = CreateSut(topic, o => (o.Name, o.KeyStrategy) = ("producer1", KeyStrategy.ProducerName));

        var summaries = await Task.WhenAll(
            Task.Run(() => first.ProduceAllAsync(ProducerTestKit.Records(1000), TestContext.Current.CancellationToken)),
            Task.Run(() => second.ProduceAllAsync(ProducerTestKit.Records(1000), TestContext.Current.CancellationToken)));

        summaries.Sum(s => s.Delivered).Should().Be(2000);
        var watermarks = ProducerTestKit.Watermarks(fixture, topic, 6);
        watermarks.Sum(w => w.High).Should().Be(2000);
        foreach (var group in summaries.SelectMany(s => s.Partitions).GroupBy(p => p.Partition))
        {
            var parts = group.ToList();
            parts.Sum(p => p.Count).Should().Be(watermarks[group.Key].High, $"partition {group.Key} holds exactly what the producers delivered");
            parts.Min(p => p.FirstOffset).Should().Be(0);
            parts.Max(p => p.LastOffset).Should().Be(watermarks[group.Key].High - 1);
            if (parts.Count == 1)
            {
                parts[0].Span.Should().Be(1000, "the lab's arithmetic: last - first + 1 = 1000");
            }
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Send_QueueHoldsOneRecord_WaitsForRoomAndDeliversAll()
    {
        var topic = fixture.CreateTopic(partitions: 6);
        await using var sut = CreateSut(topic, o => o.ConfigureClient = c => c.QueueBufferingMaxMessages = 1);

        foreach (var record in ProducerTestKit.Records(200))
        {
            sut.Send(record);
        }

        await sut.FlushAsync(TestContext.Current.CancellationToken);

        sut.GetSummary().Delivered.Should().Be(200);
        sut.QueueFullRetries.Should().BePositive("a queue of one record is full on almost every send");
    }

    [Fact(Timeout = 60_000)]
    public async Task Send_AfterAFatalClientError_ThrowsItWithCodeAndHint()
    {
        await using var sut = CreateSut(fixture.CreateTopic(partitions: 1));

        // The error handler librdkafka calls; a real fatal error (e.g. a lost idempotence sequence) arrives the same way.
        sut.OnClientError(new Error(ErrorCode.Local_Fatal, "Fatal idempotent producer error: out of order sequence", isFatal: true));
        var act = () => sut.Send(new BreadcrumbRecord());

        act.Should().Throw<BreadcrumbProduceException>()
            .Where(e => e.Error.IsFatal && e.Error.Code == ErrorCode.Local_Fatal)
            .WithMessage("Producer 'producer0' could not send to topic '*': Fatal idempotent producer error: out of order sequence (Local_Fatal, fatal: *). Hint: *create a new one.");
    }

    [Fact(Timeout = 60_000)]
    public async Task Send_AfterDispose_Throws()
    {
        var sut = CreateSut(fixture.CreateTopic(partitions: 1));
        await sut.DisposeAsync();

        var act = () => sut.Send(new BreadcrumbRecord());

        act.Should().Throw<ObjectDisposedException>();
    }

    private BreadcrumbProducer CreateSut(string topic, Action<BreadcrumbProducerOptions>? configure = null)
    {
        var options = LabPreset.Apply(new BreadcrumbProducerOptions { Topic = topic });
        configure?.Invoke(options);
        return new BreadcrumbProducer(fixture.Connection, options);
    }
}
