using System.Globalization;
using System.Text;
using System.Text.Json;
using Breadcrumb.Kafka;
using Breadcrumb.Kafka.Benchmarks;
using Breadcrumb.Kafka.Testing;

// BreadcrumbProducer vs raw Confluent.Kafka on one embedded cluster, same records, keys and client settings,
// variants alternated over several rounds; medians and ratios at the end. Usage: --records 100000 --rounds 5.
BenchSettings settings;
try
{
    settings = BenchSettings.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

await using var cluster = EmbeddedKafkaCluster.Start();
var records = SampleRecords.Create(1000, seed: 42);
var keys = Enumerable.Range(0, settings.Keys).Select(i => $"key-{i}").ToArray();
var variants = new Variants(cluster.Connection, settings, records, keys);
var measurement = new Measurement(cluster, settings);
var averageValue = records.Average(r => JsonSerializer.SerializeToUtf8Bytes(r, BreadcrumbJsonContext.Default.BreadcrumbRecord).Length);
Console.WriteLine(
    $"{settings.Records:N0} records of {averageValue:F0} B, {settings.Keys} keys, {settings.Partitions} partitions, " +
    $"acks=all, idempotence, linger.ms={settings.LingerMs}; {settings.Rounds} rounds, {Environment.ProcessorCount} cores");

async Task<Sample> RawAsync(string name, string? fields, int count)
{
    var topic = measurement.NewTopic();
    using var raw = variants.CreateRaw(fields);
    var sample = await Measurement.TimeAsync(name, count, () => Task.Run(() => variants.RawProduce(raw, topic, count)));
    measurement.VerifyAndDelete(topic, count);
    return sample;
}

async Task<Sample> BreadcrumbAsync(string name, int count, Func<BreadcrumbProducer, Task<long>> body)
{
    var topic = measurement.NewTopic();
    var producer = variants.CreateBreadcrumb(topic);
    await using (producer)
    {
        var sample = await Measurement.TimeAsync(name, count, () => body(producer));
        measurement.VerifyAndDelete(topic, count);
        return sample;
    }
}

async Task<Sample> NaiveRawAsync(string name, double lingerMs, int count)
{
    var topic = measurement.NewTopic();
    using var raw = variants.CreateRaw(null, lingerMs);
    var sample = await Measurement.TimeAsync(name, count, () => Variants.RawAwaitEach(raw, topic, records, Encoding.UTF8.GetBytes("key-0"), count));
    measurement.VerifyAndDelete(topic, count);
    return sample;
}

var cases = new List<(string Name, Func<int, Task<Sample>> Run)>
{
    ("raw Produce+handler", n => RawAsync("raw Produce+handler", null, n)),
    ("raw, report fields key,timestamp", n => RawAsync("raw, report fields key,timestamp", "key,timestamp", n)),
    ("Breadcrumb Send", n => BreadcrumbAsync("Breadcrumb Send", n, p => variants.BreadcrumbSend(p, n))),
    ("Breadcrumb ProduceAllAsync", n => BreadcrumbAsync("Breadcrumb ProduceAllAsync", n, p => variants.BreadcrumbProduceAll(p, n))),
    ("Breadcrumb SendAsync, 1024 in flight", n => BreadcrumbAsync("Breadcrumb SendAsync, 1024 in flight", n, p => variants.BreadcrumbSendAsyncWindow(p, n, 1024))),
};
var naiveCases = new List<(string Name, Func<int, Task<Sample>> Run)>
{
    ("naive raw await ProduceAsync, linger 5", n => NaiveRawAsync("naive raw await ProduceAsync, linger 5", 5, n)),
    ($"naive raw await ProduceAsync, linger {settings.LingerMs}", n => NaiveRawAsync($"naive raw await ProduceAsync, linger {settings.LingerMs}", settings.LingerMs, n)),
    ("naive Breadcrumb await SendAsync", n => BreadcrumbAsync("naive Breadcrumb await SendAsync", n, p => variants.BreadcrumbAwaitEach(p, n))),
};

Console.WriteLine("warm-up …");
foreach (var (_, run) in cases)
{
    await run(Math.Min(settings.Records, 20_000));
}

var samples = new List<Sample>();
for (var round = 0; round < settings.Rounds; round++)
{
    // Rotate the order each round so no variant always runs first (or right after a GC-heavy one).
    for (var i = 0; i < cases.Count; i++)
    {
        var sample = await cases[(i + round) % cases.Count].Run(settings.Records);
        samples.Add(sample);
        Console.WriteLine($"round {round + 1}  {sample.Variant,-38} {sample.MessagesPerSecond,12:N0} msg/s {sample.BytesPerRecord,8:N0} B/record");
    }

    if (settings.NaiveRecords > 0)
    {
        for (var i = 0; i < naiveCases.Count; i++)
        {
            var sample = await naiveCases[(i + round) % naiveCases.Count].Run(settings.NaiveRecords);
            samples.Add(sample);
            Console.WriteLine($"round {round + 1}  {sample.Variant,-38} {sample.MessagesPerSecond,12:N0} msg/s {sample.BytesPerRecord,8:N0} B/record");
        }
    }
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

var medians = samples.GroupBy(s => s.Variant).ToDictionary(
    g => g.Key, g => (Rate: Median(g.Select(s => s.MessagesPerSecond)), Bytes: Median(g.Select(s => s.BytesPerRecord))));
var raw = medians["raw Produce+handler"];
Console.WriteLine();
Console.WriteLine($"largest partition: {measurement.LargestPartition:N0} records (all partitions kept every record from offset 0)");
Console.WriteLine($"{"median of " + settings.Rounds + " rounds",-40} {"msg/s",12} {"B/record",9} {"x raw msg/s",12} {"x raw B/rec",12}");
foreach (var (name, (rate, bytes)) in medians)
{
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{name,-40} {rate,12:N0} {bytes,9:N0} {rate / raw.Rate,12:F3} {bytes / raw.Bytes,12:F3}"));
}

var ours = medians["Breadcrumb Send"];
Console.WriteLine();
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Breadcrumb Send vs raw: throughput ratio {ours.Rate / raw.Rate:F3} (target >= 0.95), allocation ratio {ours.Bytes / raw.Bytes:F3} (target <= 1.2)"));
return 0;
