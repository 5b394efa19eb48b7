using System.Text.Json;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Support;

/// <summary>Produces breadcrumb records with raw Confluent.Kafka, independent of the library's producer.</summary>
internal static class RawProducer
{
    public sealed record Delivered(string Key, int Partition, long Offset);

    public static BreadcrumbRecord Record(int i) => new()
    {
        EventNoTrip = "167589364",
        EventNoStop = (167589369 + (i / 50)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        OpdDate = "10-SEP-20",
        VehicleId = "1776",
        Meters = (354 + (i * 7)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ActTime = (21756 + (i * 5)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Velocity = (i % 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
        GpsLongitude = "-122.604897",
        GpsLatitude = "45.63653",
        GpsSatellites = "9",
        GpsHdop = "0.9",
    };

    /// <summary>Produces <paramref name="count"/> records keyed by <paramref name="keyOf"/> and returns where each landed.</summary>
    public static async Task<IReadOnlyList<Delivered>> ProduceAsync(KafkaConnection connection, string topic, int count, Func<int, string> keyOf)
    {
        var config = connection.CreateProducerConfig();
        config.LingerMs = 5;
        using var producer = new ProducerBuilder<string, byte[]>(config).Build();
        var delivered = new List<Delivered>(count);
        var failures = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var key = keyOf(i);
            var value = JsonSerializer.SerializeToUtf8Bytes(Record(i), BreadcrumbJsonContext.Default.BreadcrumbRecord);
            producer.Produce(topic, new Message<string, byte[]> { Key = key, Value = value }, report =>
            {
                lock (delivered)
                {
                    if (report.Error.IsError)
                    {
                        failures.Add(report.Error.Reason);
                    }
                    else
                    {
                        delivered.Add(new Delivered(report.Message.Key, report.Partition.Value, report.Offset.Value));
                    }
                }
            });
        }

        var left = await Task.Run(() => producer.Flush(TimeSpan.FromSeconds(30)));
        left.Should().Be(0, "every record should be delivered within 30 s");
        failures.Should().BeEmpty();
        return delivered;
    }

    /// <summary>Produces records with keys "1".."5" drawn from a seeded random, as in the lab's section F.</summary>
    public static Task<IReadOnlyList<Delivered>> ProduceRandomKeysAsync(KafkaConnection connection, string topic, int count, int seed = 42)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(0, count).Select(_ => random.Next(1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return ProduceAsync(connection, topic, count, i => keys[i]);
    }
}
