using System.Globalization;
using System.Text;
using System.Text.Json;
using Breadcrumb.Kafka;
using Breadcrumb.Kafka.Lab;
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

async Task<Sample> RawAsync(string name, string? fields, int count, int round)
{
    var topic = measurement.NewTopic();
    using var raw = variants.CreateRaw(fields);
    var sample = await Measurement.TimeAsync(name, round, count, () => Task.Run(() => variants.RawProduce(raw, topic, count)));
    measurement.VerifyAndDelete(topic, count);
    return sample;
}

async Task<Sample> BreadcrumbAsync(string name, int count, int round, Func<BreadcrumbProducer, Task<long>> body)
{
    var topic = measurement.NewTopic();
    var producer = variants.CreateBreadcrumb(topic);
    await using (producer)
    {
        var sample = await Measurement.TimeAsync(name, round, count, () => body(producer));
        measurement.VerifyAndDelete(topic, count);
        return sample;
    }
}

async Task<Sample> NaiveRawAsync(string name, double lingerMs, int count, int round)
{
    var topic = measurement.NewTopic();
    using var raw = variants.CreateRaw(null, lingerMs);
    var sample = await Measurement.TimeAsync(name, round, count, () => Variants.RawAwaitEach(raw, topic, records, Encoding.UTF8.GetBytes("key-0"), count));
    measurement.VerifyAndDelete(topic, count);
    return sample;
}

var cases = new List<(string Name, Func<int, int, Task<Sample>> Run)>
{
    ("raw Produce+handler", (n, r) => RawAsync("raw Produce+handler", null, n, r)),
    ("raw, report fields key,timestamp", (n, r) => RawAsync("raw, report fields key,timestamp", "key,timestamp", n, r)),
    ("Breadcrumb Send", (n, r) => BreadcrumbAsync("Breadcrumb Send", n, r, p => variants.BreadcrumbSend(p, n))),
    ("Breadcrumb ProduceAllAsync", (n, r) => BreadcrumbAsync("Breadcrumb ProduceAllAsync", n, r, p => variants.BreadcrumbProduceAll(p, n))),
    ("Breadcrumb SendAsync, 1024 in flight", (n, r) => BreadcrumbAsync("Breadcrumb SendAsync, 1024 in flight", n, r, p => variants.BreadcrumbSendAsyncWindow(p, n, 1024))),
};
if (settings.Quick)
{
    cases.RemoveAll(c => c.Name is not ("raw Produce+handler" or "Breadcrumb Send"));
}

var naiveCases = new List<(string Name, Func<int, int, Task<Sample>> Run)>
{
    ("naive raw await ProduceAsync, linger 5", (n, r) => NaiveRawAsync("naive raw await ProduceAsync, linger 5", 5, n, r)),
    ($"naive raw await ProduceAsync, linger {settings.LingerMs}", (n, r) => NaiveRawAsync($"naive raw await ProduceAsync, linger {settings.LingerMs}", settings.LingerMs, n, r)),
    ("naive Breadcrumb await SendAsync", (n, r) => BreadcrumbAsync("naive Breadcrumb await SendAsync", n, r, p => variants.BreadcrumbAwaitEach(p, n))),
};

Console.WriteLine("warm-up …");
foreach (var (_, run) in cases)
{
    await run(Math.Min(settings.Records, 20_000), 0);
}

var samples = new List<Sample>();
for (var round = 0; round < settings.Rounds; round++)
{
    // Rotate the order each round so no variant always runs first (or right after a GC-heavy one).
    for (var i = 0; i < cases.Count; i++)
    {
        var sample = await cases[(i + round) % cases.Count].Run(settings.Records, round + 1);
        samples.Add(sample);
        Console.WriteLine($"round {round + 1}  {sample.Variant,-38} {sample.MessagesPerSecond,12:N0} msg/s {sample.BytesPerRecord,8:N0} B/record {sample.CpuMicrosecondsPerRecord,7:F2} µs CPU/record");
    }

    if (settings.NaiveRecords > 0)
    {
        for (var i = 0; i < naiveCases.Count; i++)
        {
            var sample = await naiveCases[(i + round) % naiveCases.Count].Run(settings.NaiveRecords, round + 1);
            samples.Add(sample);
            Console.WriteLine($"round {round + 1}  {sample.Variant,-38} {sample.MessagesPerSecond,12:N0} msg/s {sample.BytesPerRecord,8:N0} B/record {sample.CpuMicrosecondsPerRecord,7:F2} µs CPU/record");
        }
    }
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

var medians = samples.GroupBy(s => s.Variant).ToDictionary(
    g => g.Key,
    g => (Rate: Median(g.Select(s => s.MessagesPerSecond)), Bytes: Median(g.Select(s => s.BytesPerRecord)), Cpu: Median(g.Select(s => s.CpuMicrosecondsPerRecord))));
const string RawName = "raw Produce+handler";
var raw = medians[RawName];

// The machine is shared, so load drifts between rounds; the ratio of two variants measured in the same round cancels
// most of that drift. Report the median of those paired ratios next to the ratio of medians.
double PairedRatio(string variant, Func<Sample, double> metric) => Median(
    samples.Where(s => s.Variant == variant).Select(s => metric(s) / metric(samples.Single(r => r.Variant == RawName && r.Round == s.Round))));

Console.WriteLine();
Console.WriteLine($"largest partition: {measurement.LargestPartition:N0} records (all partitions kept every record from offset 0)");
Console.WriteLine($"{"median of " + settings.Rounds + " rounds",-40} {"msg/s",10} {"B/rec",6} {"µs CPU/rec",10} {"x raw msg/s",11} {"paired",7} {"x raw B",8} {"x raw CPU",9} {"paired",7}");
foreach (var (name, (rate, bytes, cpu)) in medians)
{
    var paired = cases.Any(c => c.Name == name);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{name,-40} {rate,10:N0} {bytes,6:N0} {cpu,10:F2} {rate / raw.Rate,11:F3} {(paired ? PairedRatio(name, s => s.MessagesPerSecond).ToString("F3", CultureInfo.InvariantCulture) : "-"),7} {bytes / raw.Bytes,8:F3} {cpu / raw.Cpu,9:F3} {(paired ? PairedRatio(name, s => s.CpuMicrosecondsPerRecord).ToString("F3", CultureInfo.InvariantCulture) : "-"),7}"));
}

const string OursName = "Breadcrumb Send";
var ours = medians[OursName];
Console.WriteLine();
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Breadcrumb Send vs raw: throughput {ours.Rate / raw.Rate:F3} (paired {PairedRatio(OursName, s => s.MessagesPerSecond):F3}; target >= 0.95), " +
    $"allocations {ours.Bytes / raw.Bytes:F3} (target <= 1.2), CPU per record {ours.Cpu / raw.Cpu:F3} (paired {PairedRatio(OursName, s => s.CpuMicrosecondsPerRecord):F3})"));
return 0;
