// Measures how long consumer groups take to reach a stable assignment on the embedded broker:
// a first join, a re-join right after the previous member closed, and two members joining together.
// Usage: dotnet run -c Release -- [repetitions=50] [--raw-profile] [--raw-mock]
using System.Diagnostics;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

var reps = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } r ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 50;
var fast = !args.Contains("--raw-profile");
const int Partitions = 6;
var deadline = TimeSpan.FromSeconds(fast ? 30 : 120);

var fidelity = args.Contains("--raw-mock") ? EmbeddedKafkaFidelity.RawMock : EmbeddedKafkaFidelity.Faithful;
await using var cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaOptions { FastGroupProfile = fast, Fidelity = fidelity });
Console.WriteLine($"group joins, {reps} repetitions each, FastGroupProfile={fast}, Fidelity={fidelity}, {Partitions} partitions, {Environment.ProcessorCount} cores");

var first = new List<double>();
var rejoin = new List<double>();
var pair = new List<double>();
for (var i = 0; i < reps; i++)
{
    var topic = $"join-{Guid.NewGuid():N}";
    cluster.CreateTopic(topic, Partitions);
    var group = $"g-{Guid.NewGuid():N}";

    using (var c = NewConsumer(group))
    {
        first.Add(TimeToStable([c], topic));
        c.Close();
    }

    using (var c = NewConsumer(group))
    {
        rejoin.Add(TimeToStable([c], topic));
        c.Close();
    }

    var pairGroup = $"g-{Guid.NewGuid():N}-pair";
    using var a = NewConsumer(pairGroup);
    using var b = NewConsumer(pairGroup);
    pair.Add(TimeToStable([a, b], topic));
    a.Close();
    b.Close();
}

Report("first join", first);
Report("re-join right after Close()", rejoin);
Report("two members together", pair);
return 0;

IConsumer<Ignore, Ignore> NewConsumer(string group)
{
    var config = cluster.Connection.CreateConsumerConfig(group);
    config.AutoOffsetReset = AutoOffsetReset.Earliest;
    return new ConsumerBuilder<Ignore, Ignore>(config).Build();
}

double TimeToStable(IConsumer<Ignore, Ignore>[] members, string topic)
{
    var sw = Stopwatch.StartNew();
    foreach (var m in members)
    {
        m.Subscribe(topic);
    }

    while (sw.Elapsed < deadline)
    {
        foreach (var m in members)
        {
            m.Consume(TimeSpan.FromMilliseconds(5));
        }

        var assigned = members.Select(m => m.Assignment.Count).ToArray();
        var all = members.SelectMany(m => m.Assignment).Select(tp => tp.Partition.Value).Distinct().Count();
        if (assigned.All(n => n > 0) && assigned.Sum() == Partitions && all == Partitions)
        {
            return sw.Elapsed.TotalSeconds;
        }
    }

    throw new TimeoutException($"{members.Length} member(s) did not reach a stable assignment within {deadline.TotalSeconds} s.");
}

static void Report(string name, List<double> seconds)
{
    var sorted = seconds.Order().ToArray();
    var median = sorted[sorted.Length / 2];
    Console.WriteLine($"{name,-30} n={sorted.Length,3}  median {median:F3} s  max {sorted[^1]:F3} s  stalls>1s {sorted.Count(s => s > 1)}");
}
