// Soak: produce and consume 1,000,000 breadcrumbs on a 3-broker embedded cluster while faults are injected every few
// seconds (retriable Produce errors, a broker down for a second, Fetch errors), then report records lost, duplicated
// and peak memory. Not a CI test. Usage: dotnet run -c Release -- [records=1000000] [partitions=96] [report.md]
using System.Diagnostics;
using System.Globalization;
using Breadcrumb.Kafka;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Soak;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

var records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var partitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 96;
var reportPath = args.Length > 2 ? args[2] : null;
var faultEvery = TimeSpan.FromSeconds(3);

var options = new EmbeddedKafkaOptions { BrokerCount = 3 };
options.Broker.MemoryBudgetBytes = 4L << 30;
await using var cluster = EmbeddedKafkaCluster.Start(options);
var topic = $"soak-{Guid.NewGuid():N}";
cluster.CreateTopic(topic, partitions);
var perPartition = (records + partitions - 1) / partitions;
Console.WriteLine($"{records:N0} records of ~{SoakRecords.ApproximateBytes} B over {partitions} partitions (~{perPartition:N0} each), 3 brokers, "
    + $"the C# broker, a fault every {faultEvery.TotalSeconds:N0} s, {Environment.ProcessorCount} cores");

var seen = new SeenIds(records);
using var stop = new CancellationTokenSource();
var clock = Stopwatch.StartNew();
var faults = new FaultInjector(cluster, faultEvery);
var faultLoop = faults.RunAsync(stop.Token);

// One consumer assigned every partition (no group rebalances), reading while the producer writes: a record read twice
// is a record stored twice.
var consumer = new KeyFilteredConsumer(cluster.Connection, LabPreset.Apply(new KeyFilteredConsumerOptions
{
    Topic = topic,
    GroupId = $"soak-{Guid.NewGuid():N}",
    Partitions = [.. Enumerable.Range(0, partitions)],
    IdleTimeout = TimeSpan.FromSeconds(60),
    CommitOffsets = false,
}));
var consumeLoop = Task.Run(async () =>
{
    await foreach (var record in consumer.ReadAllAsync(stop.Token))
    {
        seen.Add(long.Parse(record.Key!, CultureInfo.InvariantCulture));
        if (seen.Distinct == records)
        {
            // Every id arrived; a duplicate stored later would still show in the high watermarks checked below.
            break;
        }
    }
});

ProduceRunSummary produced;
await using (var producer = new BreadcrumbProducer(cluster.Connection, LabPreset.Apply(new BreadcrumbProducerOptions
{
    Topic = topic,
    KeyStrategy = KeyStrategy.Custom(c => c.Record.EventNoStop),
    Partition = ExplicitPartition.Custom(key => (int)(long.Parse(key!, CultureInfo.InvariantCulture) % partitions)),
    ConfigureClient = c => c.LingerMs = 5,
})))
{
    produced = await producer.ProduceAllAsync(SoakRecords.Make(records));
}

var producedAt = clock.Elapsed;
Console.WriteLine($"produced in {producedAt.TotalSeconds:N1} s: {produced.Sent:N0} sent, {produced.Delivered:N0} delivered, {produced.Failed:N0} failed");
var consumeDeadline = Task.Delay(TimeSpan.FromMinutes(5));
await Task.WhenAny(consumeLoop, consumeDeadline);
await stop.CancelAsync();
await faultLoop;
await consumeLoop;
await consumer.DisposeAsync();
var consumedAt = clock.Elapsed;

var stats = await cluster.GetPartitionStatsAsync(topic);
var moved = stats.Where(s => s.LowWatermark != 0).ToList();
var dropped = moved.Count == 0 ? "none (every low watermark is 0)" : $"{moved.Count} partitions' low watermark moved: {string.Join(", ", moved.Select(s => $"[{s.Partition}] {s.LowWatermark}"))}";
var report = new SoakReport(
    records, partitions, produced, seen.Distinct, seen.Lost, seen.Duplicated, stats.Sum(s => s.HighWatermark), stats.Max(s => s.HighWatermark),
    stats.Max(s => s.StoredBytes), dropped, faults.Log, producedAt, consumedAt, Process.GetCurrentProcess().PeakWorkingSet64,
    "C# broker");
Console.WriteLine(report.ToMarkdown());
if (reportPath is not null)
{
    await File.WriteAllTextAsync(reportPath, report.ToMarkdown());
}

return report.Passed ? 0 : 1;
