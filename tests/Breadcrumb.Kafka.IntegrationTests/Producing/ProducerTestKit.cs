using System.Collections.Concurrent;
using System.Globalization;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Producing;

/// <summary>Records, report collectors and broker-side checks shared by the producer tests.</summary>
internal static class ProducerTestKit
{
    public static IEnumerable<BreadcrumbRecord> Records(int count) =>
        Enumerable.Range(0, count).Select(i => new BreadcrumbRecord
        {
            EventNoTrip = "167589364",
            OpdDate = "10-SEP-20",
            VehicleId = "1776",
            Meters = (354 + i).ToString(CultureInfo.InvariantCulture),
            ActTime = (21756 + (5 * i)).ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>Reads low and high watermarks of every partition straight from the broker.</summary>
    public static List<(long Low, long High)> Watermarks(EmbeddedKafkaFixture fixture, string topic, int partitions)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(fixture.Connection.CreateConsumerConfig("watermarks")).Build();
        return [.. Enumerable.Range(0, partitions).Select(p =>
        {
            var offsets = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10));
            return (offsets.Low.Value, offsets.High.Value);
        })];
    }
}

/// <summary>Collects delivery reports on the thread that raises them, with how many records had been sent by then.</summary>
internal sealed class ReportCollector
{
    private readonly ConcurrentQueue<(DeliveryReport<string?> Report, int SentWhenRaised)> reports = new();
    private int sent;

    public IReadOnlyList<DeliveryReport<string?>> Reports => [.. reports.Select(r => r.Report)];

    public IReadOnlyList<(DeliveryReport<string?> Report, int SentWhenRaised)> Timeline => [.. reports];

    /// <summary>Counts records handed out by <see cref="Counting"/>, so each report knows how many had been sent when it arrived.</summary>
    public IEnumerable<BreadcrumbRecord> Counting(IEnumerable<BreadcrumbRecord> records)
    {
        foreach (var record in records)
        {
            Interlocked.Increment(ref sent);
            yield return record;
        }
    }

    public void Report(DeliveryReport<string?> value) => reports.Enqueue((value, Volatile.Read(ref sent)));
}
