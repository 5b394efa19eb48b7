// The group bench of issue 18 (point 6): how long consumer groups take on the C# broker, with each client's DEFAULT
// consumer config (bootstrap.servers, group.id, auto.offset.reset and, where it selects the protocol, group.protocol
// or partition.assignment.strategy), for Confluent.Kafka classic eager and cooperative-sticky, Confluent.Kafka with
// group.protocol=consumer (KIP-848) and kafkajs (classic); then the classic rows again with a 100 ms heartbeat.
// Scenarios, each on a fresh 6-partition topic: (1) first join, from Subscribe until the member holds all 6;
// (2) a second member joins, from its Subscribe until both hold 3/3; (3) rebalance after LeaveGroup, from the first
// member's Close() until the survivor holds all 6; (4) after a crash (a member's process is killed), until the survivor
// holds all 6. See docs/group-bench.md.
// Usage: dotnet run -c Release --project bench/Breadcrumb.Kafka.GroupBench -- [repetitions=20] [--crash-reps=2] [--only=TEXT] [--debug=cgrp,...]
//        (--only= keeps the rows whose name contains TEXT; --debug= sets librdkafka's debug contexts on the in-process
//        Confluent consumers, for a diagnosis run: its log goes to stderr)
//        (kafkajs rows need node and `npm ci --prefix tests/clients/kafkajs`; they are left out, with the reason, otherwise)
//        ... -- --member BOOTSTRAP GROUP TOPIC PROTOCOL HEARTBEAT_MS   (the crashing member; the bench starts it itself)
using System.Globalization;
using Breadcrumb.Kafka.Broker;
using Confluent.Kafka;

if (args is ["--member", var memberBootstrap, var memberGroup, var memberTopic, var memberProtocol, var memberHeartbeat])
{
    return MemberMode.Run(memberBootstrap, memberGroup, memberTopic, memberProtocol, memberHeartbeat);
}

var reps = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 20;
var crashReps = Option("--crash-reps=") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : 2;
var only = Option("--only=");
Variant.Debug = Option("--debug=");

var node = FindOnPath("node");
var scripts = FindKafkaJsScripts();
var loadBefore = LoadAverage();
var loads = new List<double>();
var options = new KafkaClusterOptions();
await using var cluster = KafkaCluster.Start(options);
var scenarios = new Scenarios(cluster, node, scripts);
var variants = Variant.All.Where(v => only is null || v.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
if (!scenarios.CanRunKafkaJs && variants.RemoveAll(v => v.IsKafkaJs) > 0)
{
    Console.WriteLine(node is null
        ? "kafkajs rows left out: node is not on PATH."
        : "kafkajs rows left out: run `npm ci --prefix tests/clients/kafkajs` first.");
}

Console.WriteLine($"group bench on the C# broker: {Scenarios.Partitions} partitions, {reps} repetitions of scenarios 1–3, {crashReps} of the crash; " +
    $"broker heartbeat interval for KIP-848 {options.ConsumerGroupHeartbeatInterval.TotalMilliseconds:F0} ms, session timeout {options.ConsumerGroupSessionTimeout.TotalSeconds:F0} s; " +
    $"{Environment.ProcessorCount} cores, load average {loadBefore}");

var results = variants.ToDictionary(v => v, _ => new Results());
for (var rep = 0; rep < reps; rep++)
{
    // Rotate the order each repetition, so no row always runs first or right after the same other one.
    foreach (var variant in variants.Skip(rep % variants.Count).Concat(variants.Take(rep % variants.Count)))
    {
        loads.Add(OneMinuteLoad());
        try
        {
            Console.WriteLine($"rep {rep + 1,2}: {variant.Name,-70} {scenarios.RunJoins(variant, results[variant])}");
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or KafkaException or AggregateException)
        {
            results[variant].Failures.Add(e.Message);
            Console.WriteLine($"rep {rep + 1,2}: {variant.Name,-70} FAILED: {e.Message}");
        }
    }
}

// The crash scenario waits out session timeouts (30–45 s): every row's repetitions run at once, one thread per row.
if (crashReps > 0)
{
    Console.WriteLine($"crash scenario: {crashReps} repetition(s) per row, the rows in parallel");
    var threads = variants.Select(variant => new Thread(() =>
    {
        for (var i = 0; i < crashReps; i++)
        {
            try
            {
                Console.WriteLine($"crash {i + 1}: {variant.Name,-70} {scenarios.RunCrash(variant, results[variant])}");
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException or KafkaException or AggregateException or System.ComponentModel.Win32Exception)
            {
                results[variant].Failures.Add(e.Message);

                Console.WriteLine($"crash {i + 1}: {variant.Name,-70} FAILED: {e.Message}");
            }
        }
    })
    { Name = variant.Name }).ToList();
    threads.ForEach(t => t.Start());
    loads.Add(OneMinuteLoad());
    threads.ForEach(t => t.Join());
}

var probes = new List<string>();
foreach (var variant in variants.Where(v => !v.IsKafkaJs && !v.IsTweaked && v.Protocol != "cooperative"))
{
    probes.Add($"{variant.Name}: {await scenarios.DisposeProbeAsync(variant)}");
}

var loadAfter = LoadAverage();
Console.WriteLine();
Console.WriteLine($"| client / protocol | heartbeat interval | first join | second member joins (3/3) | rebalance after LeaveGroup | after a crash (session timeout) |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
foreach (var variant in variants)
{
    var x = results[variant];
    Console.WriteLine($"| {variant.Name} | {Heartbeat(variant)} | {Cell(x.FirstJoin)} | {Cell(x.SecondJoin)} | {Cell(x.AfterLeave)} | {CrashCell(x.AfterCrash)} |");
}

Console.WriteLine();
Console.WriteLine("Cells: median / max in ms over the repetitions (n); the crash in s. Targets: joins ≤ 50 ms, rebalance after LeaveGroup ≤ 100 ms.");
Console.WriteLine();
Console.WriteLine("| client / protocol | first join ≤ 50 ms | second join ≤ 50 ms | after LeaveGroup ≤ 100 ms |");
Console.WriteLine("| --- | --- | --- | --- |");
foreach (var variant in variants)
{
    var x = results[variant];
    Console.WriteLine($"| {variant.Name} | {Target(x.FirstJoin, 50)} | {Target(x.SecondJoin, 50)} | {Target(x.AfterLeave, 100)} |");
}

Console.WriteLine();
Console.WriteLine("Runs (ms, in order):");
foreach (var variant in variants)
{
    var x = results[variant];
    Console.WriteLine($"- {variant.Name}: first {Runs(x.FirstJoin)}; second {Runs(x.SecondJoin)}; after LeaveGroup {Runs(x.AfterLeave)}; after crash {Runs(x.AfterCrash)}");
    foreach (var failure in x.Failures)
    {
        Console.WriteLine($"  - failed: {failure}");
    }
}

Console.WriteLine();
Console.WriteLine("Confluent.Kafka Dispose() without Close():");
probes.ForEach(p => Console.WriteLine($"- {p}"));
Console.WriteLine();
Console.WriteLine($"load average (1/5/15 min) before {loadBefore}, after {loadAfter}; 1-min load during the run {(loads.Count > 0 ? $"{loads.Min():F2}–{loads.Max():F2}" : "n/a")}; " +
    $"{Environment.ProcessorCount} cores; .NET {Environment.Version}; librdkafka {Library.VersionString}; node {(node is null ? "none" : NodeVersion(node))}");
return results.Values.Any(x => x.Failures.Count > 0) ? 1 : 0;

string? Option(string prefix) => args.FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];

static string Heartbeat(Variant v) => v switch
{
    { Protocol: "consumer" } => "100 ms (set by the broker)",
    { IsKafkaJs: true, MaxWaitMs: { } wait } => $"{v.HeartbeatMs} ms, fetch wait {wait} ms",
    { IsKafkaJs: true } => $"{(v.HeartbeatMs is { } h ? $"{h} ms" : "3 s")}, fetch wait 5 s",
    _ => v.HeartbeatMs is { } ms ? $"{ms} ms" : "3 s",
};

static string Cell(List<double> xs) => xs.Count == 0 ? "–" : $"{Format(Median(xs))} / {Format(xs.Max())} (n={xs.Count})";

static string CrashCell(List<double> xs) => xs.Count == 0 ? "–" : $"{Median(xs) / 1000:F1} s / {xs.Max() / 1000:F1} s (n={xs.Count})";

static string Target(List<double> xs, double target) =>
    xs.Count == 0 ? "–" : Median(xs) <= target ? (xs.Max() <= target ? "met" : $"met by the median, max {Format(xs.Max())}") : $"not met ({Format(Median(xs))})";

static string Format(double ms) => ms < 100 ? $"{ms:F1} ms" : ms < 10_000 ? $"{ms:F0} ms" : $"{ms / 1000:F1} s";

static double Median(List<double> xs)
{
    var sorted = xs.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Runs(List<double> xs) => xs.Count == 0 ? "–" : string.Join(" ", xs.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)));

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static double OneMinuteLoad() =>
    File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) : 0;

static string? FindOnPath(string name) =>
    (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

static string? FindKafkaJsScripts()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var scripts = Path.Combine(dir.FullName, "tests", "clients", "kafkajs");
        if (File.Exists(Path.Combine(scripts, "bench-member.js")))
        {
            return File.Exists(Path.Combine(scripts, "node_modules", "kafkajs", "package.json")) ? scripts : null;
        }
    }

    return null;
}

static string NodeVersion(string node)
{
    using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(node, "--version") { RedirectStandardOutput = true, UseShellExecute = false });
    var version = process?.StandardOutput.ReadToEnd().Trim() ?? "?";
    process?.WaitForExit();
    return version;
}
