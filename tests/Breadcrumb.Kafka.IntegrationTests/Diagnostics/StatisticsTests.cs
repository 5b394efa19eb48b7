using System.Collections.Concurrent;
using System.Diagnostics;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.IntegrationTests.Diagnostics;

public sealed class StatisticsTests(EmbeddedKafkaFixture fixture) : IClassFixture<EmbeddedKafkaFixture>
{
    private sealed class Collector : IProgress<KafkaStatistics>
    {
        public ConcurrentQueue<KafkaStatistics> Reports { get; } = new();

        public void Report(KafkaStatistics value) => Reports.Enqueue(value);
    }

    [Fact(Timeout = 90_000)]
    public async Task Statistics_ProducerAndConsumer_ReportTheRunPerPartition()
    {
        var topic = fixture.CreateTopic(6);
        var sent = new Collector();
        var received = new Collector();
        await using var producer = new BreadcrumbProducer(fixture.Connection, LabPreset.Apply(new BreadcrumbProducerOptions()
        {
            Topic = topic,
            KeyStrategy = KeyStrategy.Random1To5(2),
            Statistics = sent,
            ConfigureClient = c => c.StatisticsIntervalMs = 100,
        }));
        var summary = await producer.ProduceAllAsync(BreadcrumbFile.Generate(300, 8), TestContext.Current.CancellationToken);
        var perPartition = summary.Partitions.ToDictionary(p => p.Partition, p => p.Count);

        var last = await WaitForAsync(sent, s => Topic(s, topic)?.RecordsSent == 300);

        last.ClientType.Should().Be("producer");
        Topic(last, topic)!.Partitions.Where(p => p.RecordsSent > 0).ToDictionary(p => p.Partition, p => p.RecordsSent).Should().Equal(perPartition);

        await using var consumer = new KeyFilteredConsumer(fixture.Connection, LabPreset.Apply(new KeyFilteredConsumerOptions()
        {
            Topic = topic,
            GroupId = $"g-{Guid.NewGuid():N}",
            IdleTimeout = Timeout.InfiniteTimeSpan,
            Statistics = received,
            ConfigureConsumer = c => c.StatisticsIntervalMs = 100,
        }));
        // Runs until the statistics saw every record: a consumer that stopped at the end could close before its next report.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var consumed = consumer.RunAsync(stop.Token);
        var seen = await WaitForAsync(received, s => Topic(s, topic)?.RecordsReceived == 300);
        await stop.CancelAsync();
        (await consumed).Total.Should().Be(300);

        seen.ClientType.Should().Be("consumer");
        Topic(seen, topic)!.Partitions.Where(p => p.HighWatermark > 0).ToDictionary(p => p.Partition, p => p.HighWatermark!.Value).Should().Equal(perPartition);
    }

    private static TopicStatistics? Topic(KafkaStatistics s, string topic) => s.Topics.FirstOrDefault(t => t.Topic == topic);

    private static async Task<KafkaStatistics> WaitForAsync(Collector collector, Func<KafkaStatistics, bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (collector.Reports.LastOrDefault(condition) is { } found)
            {
                return found;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new Xunit.Sdk.XunitException($"No statistics report matched within 30 s ({collector.Reports.Count} reports).");
    }
}
