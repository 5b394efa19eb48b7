// The broker bench of issue 17: raw Confluent.Kafka produce and consume of 100,000 × 300 B records (acks=all +
// idempotence) against the C# broker and librdkafka's mock in the same run, alternating rounds: both in this process
// (the raw mock, the C# broker alone and behind EmbeddedKafkaCluster) and both in another process (this executable with --serve), where the
// broker's own CPU time per record is measured apart from the client's. Then the C# broker's start time and, in fresh
// broker processes, memory per retained MiB.
// Usage: dotnet run -c Release --project bench/Breadcrumb.Kafka.BrokerBench -- [records=100000] [rounds=3] [starts=50]
//        ... -- --serve csharp|mock   (a broker process of the cross-process runs; the bench starts these itself)
using Breadcrumb.Kafka.BrokerBench.Mock;
using System.Diagnostics;
using System.Globalization;
using Breadcrumb.Kafka.Broker;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

if (args is ["--serve", var serveKind])
{
    return await ServeMode.RunAsync(serveKind);
}

var records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var starts = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
const int Partitions = 12;
const int ValueBytes = 300;
var value = new byte[ValueBytes];
new Random(17).NextBytes(value);
var bench = new Throughput(records, Partitions, value);
var loadBefore = LoadAverage();
Console.WriteLine($"{records:N0} records of {ValueBytes} B over {Partitions} partitions, {rounds} rounds, {Environment.ProcessorCount} cores, load average {loadBefore}");

// Start time first, on a quiet process: the first (cold: JIT) start apart, then the median of many.
var startTimes = new List<double>();
var startAndStop = new List<double>();
double coldStart = 0;
for (var i = 0; i <= starts; i++)
{
    var sw = Stopwatch.StartNew();
    var cluster = KafkaCluster.Start();
    var started = sw.Elapsed.TotalMilliseconds;
    await cluster.DisposeAsync();
    if (i == 0)
    {
        coldStart = started;
        continue;
    }

    startTimes.Add(started);
    startAndStop.Add(sw.Elapsed.TotalMilliseconds);
}

await using var csharp = KafkaCluster.Start();
using var mock = RawMock.Start();
await using var embedded = EmbeddedKafkaCluster.Start();
using var remoteCsharp = RemoteBroker.Start("csharp");
using var remoteMock = RemoteBroker.Start("mock");

Target[] targets =
[
    new("C# broker, in process", csharp.BootstrapServers, (t, p) => csharp.CreateTopic(t, p), t => csharp.DeleteTopic(t)),
    new("mock raw, in process", mock.BootstrapServers, mock.CreateTopic, mock.DeleteTopic),
    new("EmbeddedKafkaCluster (default), in process", embedded.BootstrapServers, (t, p) => embedded.CreateTopic(t, p), embedded.DeleteTopic),
    new("C# broker, other process", remoteCsharp.BootstrapServers, remoteCsharp.CreateTopic, remoteCsharp.DeleteTopic) { Stats = remoteCsharp.Stats },
    new("mock raw, other process", remoteMock.BootstrapServers, remoteMock.CreateTopic, remoteMock.DeleteTopic) { Stats = remoteMock.Stats },
];

var produce = targets.ToDictionary(t => t.Name, _ => new List<double>());
var consume = targets.ToDictionary(t => t.Name, _ => new List<double>());
var produceCost = targets.ToDictionary(t => t.Name, _ => new List<(double CpuUs, double Allocated)>());
var consumeCost = targets.ToDictionary(t => t.Name, _ => new List<(double CpuUs, double Allocated)>());
for (var round = 0; round < rounds; round++)
{
    // Rotate the order each round, so no target always runs first (cold) or last (after the others' garbage).
    foreach (var target in targets.Skip(round % targets.Length).Concat(targets.Take(round % targets.Length)))
    {
        var topic = $"bench-{round}-{Guid.NewGuid():N}";
        target.CreateTopic(topic, Partitions);
        var s0 = target.Stats?.Invoke();
        produce[target.Name].Add(records / bench.Produce(target.BootstrapServers, topic));
        var s1 = target.Stats?.Invoke();
        consume[target.Name].Add(records / bench.Consume(target.BootstrapServers, topic));
        var s2 = target.Stats?.Invoke();
        if (s0 is { } a && s1 is { } b && s2 is { } c)
        {
            produceCost[target.Name].Add(Cost(a, b));
            consumeCost[target.Name].Add(Cost(b, c));
        }

        target.DeleteTopic(topic);
        Console.WriteLine($"round {round + 1}: {target.Name,-36} produce {produce[target.Name][^1],9:N0}/s  consume {consume[target.Name][^1],9:N0}/s");
    }
}

// Memory per retained MiB, each broker alone in a fresh process (no client there): before and after one run's records.
var payloadMiB = records * (double)ValueBytes / 1048576;
var memory = new List<(string Name, double HeapPerMiB, double WorkingSetPerMiB)>();
foreach (var kind in new[] { "csharp", "mock" })
{
    using var fresh = RemoteBroker.Start(kind);
    var topic = $"bench-mem-{Guid.NewGuid():N}";
    fresh.CreateTopic(topic, Partitions);
    var before = fresh.Stats();
    bench.Produce(fresh.BootstrapServers, topic);
    var after = fresh.Stats();
    memory.Add((kind == "csharp" ? "C# broker" : "mock raw", (after.ManagedBytes - before.ManagedBytes) / 1048576.0 / payloadMiB, (after.WorkingSetBytes - before.WorkingSetBytes) / 1048576.0 / payloadMiB));
}

var loadAfter = LoadAverage();
Console.WriteLine();
Console.WriteLine($"| broker ({records:N0} × {ValueBytes} B, {Partitions} partitions, acks=all + idempotence, median of {rounds}) | produce msg/s | × mock raw | consume msg/s | × mock raw | broker CPU µs/record produce / consume | broker allocated B/record produce / consume |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
foreach (var target in targets)
{
    var baseline = target.Name.EndsWith("other process", StringComparison.Ordinal) ? "mock raw, other process" : "mock raw, in process";
    var p = Median(produce[target.Name]);
    var c = Median(consume[target.Name]);
    var cost = produceCost[target.Name].Count == 0
        ? ("–", "–")
        : ($"{Median(produceCost[target.Name].Select(x => x.CpuUs)):F2} / {Median(consumeCost[target.Name].Select(x => x.CpuUs)):F2}",
           $"{Median(produceCost[target.Name].Select(x => x.Allocated)):N0} / {Median(consumeCost[target.Name].Select(x => x.Allocated)):N0}");
    Console.WriteLine($"| {target.Name} | {p:N0} | {p / Median(produce[baseline]):F2} | {c:N0} | {c / Median(consume[baseline]):F2} | {cost.Item1} | {cost.Item2} |");
}

Console.WriteLine();
Console.WriteLine("Runs (msg/s, in round order):");
foreach (var target in targets)
{
    Console.WriteLine($"- {target.Name}: produce {Runs(produce[target.Name])}; consume {Runs(consume[target.Name])}");
}

Console.WriteLine();
Console.WriteLine("| measure | value | target |");
Console.WriteLine("| --- | --- | --- |");
Console.WriteLine($"| KafkaCluster.Start, median of {starts} (max) | {Median(startTimes):F2} ms ({startTimes.Max():F1} ms) | ≤ 50 ms |");
Console.WriteLine($"| KafkaCluster.Start + DisposeAsync, median of {starts} | {Median(startAndStop):F2} ms | |");
Console.WriteLine($"| first Start in the process (JIT, cold) | {coldStart:F1} ms | |");
foreach (var (name, heap, workingSet) in memory)
{
    Console.WriteLine($"| {name}: managed heap / working set per MiB of payload retained ({payloadMiB:F1} MiB) | {heap:F2} / {workingSet:F2} MiB | |");
}

Console.WriteLine();
Console.WriteLine($"load average (1/5/15 min) before {loadBefore}, after {loadAfter}; {Environment.ProcessorCount} cores; .NET {Environment.Version}; librdkafka {Library.VersionString}");
return 0;

(double CpuUs, double Allocated) Cost(BrokerStats from, BrokerStats to) =>
    ((to.Cpu - from.Cpu).TotalMicroseconds / records, (to.AllocatedBytes - from.AllocatedBytes) / (double)records);

static double Median(IEnumerable<double> xs)
{
    var sorted = xs.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Runs(List<double> xs) => string.Join(" ", xs.Select(x => x.ToString("N0", CultureInfo.InvariantCulture)));

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
