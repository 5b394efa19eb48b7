// Consumer throughput: raw Confluent.Kafka consume loop vs KeyFilteredConsumer, same cluster, same records, same run.
// Usage: dotnet run -c Release --project bench/Breadcrumb.Kafka.ConsumerBenchmarks [-- --records N --rounds R]
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Breadcrumb.Kafka;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.ConsumerBenchmarks;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

var records = Arg("--records", 100_000);
var rounds = Arg("--rounds", 9);
const int Partitions = 12;
const string Topic = "bench-consume";

await using var cluster = EmbeddedKafkaCluster.Start();
cluster.CreateTopic(Topic, Partitions);
var valueSize = await Setup.ProduceAsync(cluster.Connection, Topic, records);
Setup.AssertNothingDropped(cluster.Connection, Topic, Partitions, records, valueSize);

Console.WriteLine($"{records:N0} records of {valueSize} B over {Partitions} partitions; {rounds} rounds, alternating; fresh group per run, all partitions assigned");
// One unmeasured run of each warms the JIT and the broker's page cache.
await Task.Run(() => RawLoop(cluster.Connection, records));
await Library(cluster.Connection, records, RecordFilter.Any);

var raw = new List<Run>();
var ours = new List<Run>();
var keyed = new List<Run>();
var rawKeyed = new List<Run>();
for (var round = 1; round <= rounds; round++)
{
    // The raw loop blocks its thread as Confluent's examples do, so it runs on a worker like the library's loop.
    if (round % 2 == 1)
    {
        raw.Add(await Measure(() => Task.Run(() => RawLoop(cluster.Connection, records))));
        ours.Add(await Measure(() => Library(cluster.Connection, records, RecordFilter.Any)));
    }
    else
    {
        ours.Add(await Measure(() => Library(cluster.Connection, records, RecordFilter.Any)));
        raw.Add(await Measure(() => Task.Run(() => RawLoop(cluster.Connection, records))));
    }

    rawKeyed.Add(await Measure(() => Task.Run(() => RawKeyLoopToEnd(cluster.Connection, ["k1", "k2"]))));
    keyed.Add(await Measure(() => Library(cluster.Connection, records, RecordFilter.Keys("k1", "k2"))));
    Console.WriteLine($"round {round,2}: count to {records:N0}: raw {raw[^1]}  ours {ours[^1]} | keys k1,k2 to end: raw {rawKeyed[^1]}  ours {keyed[^1]}");
}

var rawMedian = Median(raw);
var oursMedian = Median(ours);
var keyedMedian = Median(keyed);
var rawKeyedMedian = Median(rawKeyed);
Console.WriteLine();
Console.WriteLine($"median raw Confluent consume loop      : {rawMedian,12:N0} msg/s  {raw.Average(r => r.BytesPerRecord),6:N0} B allocated/record");
Console.WriteLine($"median KeyFilteredConsumer (Any)       : {oursMedian,12:N0} msg/s  {ours.Average(r => r.BytesPerRecord),6:N0} B allocated/record");
Console.WriteLine($"median raw loop, keys k1,k2, to EOF     : {rawKeyedMedian,12:N0} msg/s read  {rawKeyed.Average(r => r.BytesPerRecord),6:N0} B allocated/record");
Console.WriteLine($"median KeyFilteredConsumer (Keys k1,k2): {keyedMedian,12:N0} msg/s read  {keyed.Average(r => r.BytesPerRecord),6:N0} B allocated/record");
Console.WriteLine($"ratio KeyFilteredConsumer(Any) / raw   : {oursMedian / rawMedian:0.00} (target >= 0.90)");
Console.WriteLine($"ratio KeyFilteredConsumer(Keys) / raw keyed loop to EOF: {keyedMedian / rawKeyedMedian:0.00} (target >= 0.90)");
return 0;

static async Task<Run> Measure(Func<Task<long>> consume)
{
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var count = await consume();
    watch.Stop();
    return new Run(count, watch.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated);
}

static long RawLoop(KafkaConnection connection, int expected)
{
    var config = connection.CreateConsumerConfig($"raw-{Guid.NewGuid():N}");
    config.AutoOffsetReset = AutoOffsetReset.Earliest;
    using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
    consumer.Assign(Enumerable.Range(0, Partitions).Select(p => new TopicPartitionOffset(Topic, p, Offset.Unset)));
    var count = 0L;
    var deadline = Stopwatch.StartNew();
    while (count < expected && deadline.Elapsed < TimeSpan.FromMinutes(1))
    {
        var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
        if (result is not null && !result.IsPartitionEOF)
        {
            count++;
        }
    }

    consumer.Close();
    return count;
}

static long RawKeyLoopToEnd(KafkaConnection connection, string[] keys)
{
    var config = connection.CreateConsumerConfig($"rawkey-{Guid.NewGuid():N}");
    config.AutoOffsetReset = AutoOffsetReset.Earliest;
    config.EnablePartitionEof = true;
    using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
    consumer.Assign(Enumerable.Range(0, Partitions).Select(p => new TopicPartitionOffset(Topic, p, Offset.Unset)));
    var wanted = keys.ToHashSet(StringComparer.Ordinal);
    var atEnd = new HashSet<int>();
    long read = 0, kept = 0;
    var deadline = Stopwatch.StartNew();
    while (atEnd.Count < Partitions && deadline.Elapsed < TimeSpan.FromMinutes(1))
    {
        var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
        if (result is null)
        {
            continue;
        }

        if (result.IsPartitionEOF)
        {
            atEnd.Add(result.Partition.Value);
            continue;
        }

        atEnd.Remove(result.Partition.Value);
        read++;
        if (wanted.Contains(result.Message.Key))
        {
            kept++;
        }
    }

    consumer.Close();
    Console.Write(kept == 0 ? "(raw keyed loop kept nothing) " : string.Empty);
    return read;
}

static async Task<long> Library(KafkaConnection connection, int expected, IRecordFilter filter)
{
    await using var consumer = new KeyFilteredConsumer(connection, LabPreset.Apply(new KeyFilteredConsumerOptions
    {
        Topic = Topic,
        GroupId = $"lib-{Guid.NewGuid():N}",
        Partitions = Enumerable.Range(0, Partitions).ToList(),
        Filter = filter,
        StopAtEndOfPartitions = true,
        MaxRecords = expected,
    }));

    var summary = await consumer.RunAsync();
    return summary.Received;
}

static double Median(List<Run> runs)
{
    var sorted = runs.Select(r => r.PerSecond).Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

namespace Breadcrumb.Kafka.ConsumerBenchmarks
{
    internal readonly record struct Run(long Records, TimeSpan Elapsed, long Allocated)
    {
        public double PerSecond => Records / Elapsed.TotalSeconds;

        public double BytesPerRecord => (double)Allocated / Math.Max(1, Records);

        public override string ToString() => $"{PerSecond,10:N0} msg/s ({Records:N0} in {Elapsed.TotalMilliseconds:N0} ms)";
    }

    internal static class Setup
    {
        public static async Task<int> ProduceAsync(KafkaConnection connection, string topic, int count)
        {
            var config = connection.CreateProducerConfig();
            config.LingerMs = 5;
            using var producer = new ProducerBuilder<string, byte[]>(config).Build();
            var size = 0;
            for (var i = 0; i < count; i++)
            {
                var value = JsonSerializer.SerializeToUtf8Bytes(Record(i), BreadcrumbJsonContext.Default.BreadcrumbRecord);
                size = value.Length;
                while (true)
                {
                    try
                    {
                        producer.Produce(topic, new Message<string, byte[]> { Key = $"k{i % 50}", Value = value });
                        break;
                    }
                    catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                    {
                        producer.Poll(TimeSpan.FromMilliseconds(10));
                    }
                }
            }

            await Task.Run(() => producer.Flush(TimeSpan.FromMinutes(1)));
            return size;
        }

        /// <summary>The mock silently drops the oldest records past 5 MiB per partition: a benchmark must check it did not.</summary>
        public static void AssertNothingDropped(KafkaConnection connection, string topic, int partitions, int expected, int valueSize)
        {
            using var consumer = new ConsumerBuilder<Ignore, Ignore>(connection.CreateConsumerConfig("bench-check")).Build();
            var readable = 0L;
            for (var p = 0; p < partitions; p++)
            {
                var w = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10));
                if (w.Low.Value != 0)
                {
                    throw new InvalidOperationException($"partition {p} dropped records (low watermark {w.Low.Value}): use more partitions or fewer records");
                }

                readable += w.High.Value;
                var approxBytes = w.High.Value * (valueSize + 70);
                if (approxBytes >= 5L * 1024 * 1024)
                {
                    throw new InvalidOperationException($"partition {p} holds ~{approxBytes:N0} B, at the mock's 5 MiB limit");
                }
            }

            if (readable != expected)
            {
                throw new InvalidOperationException($"{readable} records readable, expected {expected}");
            }
        }

        private static BreadcrumbRecord Record(int i) => new()
        {
            EventNoTrip = "167589364",
            EventNoStop = (167589369 + (i / 50)).ToString(CultureInfo.InvariantCulture),
            OpdDate = "10-SEP-20",
            VehicleId = "1776",
            Meters = (354 + i).ToString(CultureInfo.InvariantCulture),
            ActTime = (21756 + (i * 5)).ToString(CultureInfo.InvariantCulture),
            Velocity = (i % 20).ToString(CultureInfo.InvariantCulture),
            Direction = "109",
            RadioQuality = string.Empty,
            GpsLongitude = "-122.604897",
            GpsLatitude = "45.63653",
            GpsSatellites = "9",
            GpsHdop = "0.9",
            ScheduleDeviation = "-1249",
        };
    }
}
