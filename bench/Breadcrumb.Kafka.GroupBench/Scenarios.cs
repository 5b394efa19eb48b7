using System.Diagnostics;
using Breadcrumb.Kafka.Broker;
using Confluent.Kafka;

/// <summary>The measured times of one variant, in milliseconds, and the failures (timeouts) met.</summary>
internal sealed class Results
{
    public List<double> FirstJoin { get; } = [];

    public List<double> SecondJoin { get; } = [];

    public List<double> AfterLeave { get; } = [];

    public List<double> AfterCrash { get; } = [];

    public List<string> Failures { get; } = [];
}

/// <summary>
/// The scenarios, each on a fresh topic of <see cref="Partitions"/> partitions and a fresh group: (1) first join,
/// (2) a second member joins, (3) the first member closes (LeaveGroup); and apart, (4) a member crashes (its process is
/// killed) and the survivor takes everything after the session timeout.
/// </summary>
internal sealed class Scenarios(KafkaCluster cluster, string? node, string? kafkaJsScripts)
{
    public const int Partitions = 6;
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CrashTimeout = TimeSpan.FromSeconds(150);

    public bool CanRunKafkaJs => node is not null && kafkaJsScripts is not null;

    /// <summary>Scenarios 1–3 once; each time is added to <paramref name="into"/> as soon as it is measured.</summary>
    public string RunJoins(Variant variant, Results into)
    {
        var (topic, group) = Fresh("join");
        var watch = new Watch();
        try
        {
            using var a = Create(variant, "a", group, topic, watch, crashable: false);
            var first = watch.Measure(w => w.Holds("a", Partitions), a.Subscribe, JoinTimeout, "first join (a holds all)");
            into.FirstJoin.Add(first.TotalMilliseconds);
            using var b = Create(variant, "b", group, topic, watch, crashable: false);
            var second = watch.Measure(w => w.Split("a", "b", Partitions), b.Subscribe, JoinTimeout, "second member joins (3/3)");
            into.SecondJoin.Add(second.TotalMilliseconds);
            var leave = watch.Measure(w => w.Holds("b", Partitions), a.Close, JoinTimeout, "rebalance after a's Close (b holds all)");
            into.AfterLeave.Add(leave.TotalMilliseconds);
            return $"first {Ms(first)}, second {Ms(second)}, after LeaveGroup {Ms(leave)}";
        }
        finally
        {
            cluster.DeleteTopic(topic);
        }
    }

    /// <summary>Scenario 4 once: c (a child process) and s split the partitions, c is killed, s takes all.</summary>
    public string RunCrash(Variant variant, Results into)
    {
        var (topic, group) = Fresh("crash");
        var watch = new Watch();
        try
        {
            using var crashing = Create(variant, "c", group, topic, watch, crashable: true);
            using var survivor = Create(variant, "s", group, topic, watch, crashable: false);
            watch.Measure(w => w.Holds("c", Partitions), crashing.Subscribe, JoinTimeout, "crash setup: c joins");
            watch.Measure(w => w.Split("c", "s", Partitions), survivor.Subscribe, JoinTimeout, "crash setup: 3/3 split");
            var crash = watch.Measure(w => w.Holds("s", Partitions), crashing.Crash, CrashTimeout, "survivor holds all after c was killed");
            into.AfterCrash.Add(crash.TotalMilliseconds);
            return $"after crash {crash.TotalSeconds:F2} s";
        }
        finally
        {
            cluster.DeleteTopic(topic);
        }
    }

    /// <summary>
    /// Does Confluent.Kafka's Dispose without Close leave the group? Two members split the partitions, one is disposed
    /// without Close, and DescribeConsumerGroups is asked every 100 ms for 3 s how many members the group has.
    /// </summary>
    public async Task<string> DisposeProbeAsync(Variant variant)
    {
        var (topic, group) = Fresh("probe");
        var watch = new Watch();
        try
        {
            using var a = (ConfluentMember)Create(variant, "a", group, topic, watch, crashable: false);
            using var b = Create(variant, "b", group, topic, watch, crashable: false);
            watch.Measure(w => w.Holds("a", Partitions), a.Subscribe, JoinTimeout, "probe: a joins");
            watch.Measure(w => w.Split("a", "b", Partitions), b.Subscribe, JoinTimeout, "probe: 3/3 split");
            using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();
            var disposedAt = a.DisposeWithoutClose();
            var members = -1;
            while (Stopwatch.GetElapsedTime(disposedAt) < TimeSpan.FromSeconds(3))
            {
                var described = await admin.DescribeConsumerGroupsAsync([group]);
                members = described.ConsumerGroupDescriptions[0].Members.Count;
                if (members < 2)
                {
                    return $"{members} member(s) {Stopwatch.GetElapsedTime(disposedAt).TotalMilliseconds:F0} ms after Dispose: it left the group";
                }

                await Task.Delay(100);
            }

            return $"still {members} members 3 s after Dispose: no LeaveGroup, the broker waits for the session timeout";
        }
        finally
        {
            cluster.DeleteTopic(topic);
        }
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:F1} ms";

    private (string Topic, string Group) Fresh(string prefix)
    {
        var topic = $"gb-{prefix}-{Guid.NewGuid():N}";
        cluster.CreateTopic(topic, Partitions);
        return (topic, $"{topic}-group");
    }

    private IMember Create(Variant variant, string name, string group, string topic, Watch watch, bool crashable)
    {
        void Changed(int[] held) => watch.Set(name, held);
        if (variant.IsKafkaJs)
        {
            var options = variant switch
            {
                { HeartbeatMs: null, MaxWaitMs: null } => [],
                _ => new[] { $"{variant.HeartbeatMs}", $"{variant.MaxWaitMs}" },
            };
            return ProcessMember.Start(node!, ["bench-member.js", cluster.BootstrapServers, group, topic, .. options], kafkaJsScripts, Changed);
        }

        if (crashable)
        {
            var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot find this executable's path to start --member.");
            // Started as `dotnet Breadcrumb.Kafka.GroupBench.dll`: the muxer needs the dll again.
            string[] prefix = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [typeof(Scenarios).Assembly.Location] : [];
            return ProcessMember.Start(self, [.. prefix, "--member", cluster.BootstrapServers, group, topic, .. variant.ChildArguments], null, Changed);
        }

        return new ConfluentMember(name, variant.ConsumerConfig(cluster.BootstrapServers, group), topic, Changed);
    }
}
