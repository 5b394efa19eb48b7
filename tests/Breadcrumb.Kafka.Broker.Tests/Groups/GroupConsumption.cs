using System.Collections.Concurrent;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Groups;

/// <summary>Runs consumers of one group on their own threads and collects what each received and holds.</summary>
internal sealed class GroupConsumption : IDisposable
{
    private readonly List<Member> members = [];

    public ConcurrentDictionary<string, ConcurrentQueue<(int Partition, long Offset, string Value)>> Received { get; } = new();

    public ConcurrentDictionary<string, IReadOnlyList<int>> Assigned { get; } = new();

    public int Count => Received.Values.Sum(b => b.Count);

    /// <summary>Per member, per partition it holds: the offset at which it last reached the end (partition EOF).</summary>
    public ConcurrentDictionary<string, ConcurrentDictionary<int, long>> EndsReached { get; } = new();

    public IConsumer<string, string> Start(ConsumerConfig config, string topic, string name)
    {
        var endsReached = EndsReached.GetOrAdd(name, _ => new());
        var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig(new Dictionary<string, string>(config)) { EnablePartitionEof = true })
            .SetPartitionsAssignedHandler((c, parts) => Assigned[name] = [.. c.Assignment.Concat(parts).Select(p => p.Partition.Value).Distinct().Order()])
            .SetPartitionsRevokedHandler((c, parts) =>
            {
                Assigned[name] = [.. c.Assignment.Select(p => p.Partition.Value).Except(parts.Select(p => p.Partition.Value)).Order()];
                parts.ForEach(p => endsReached.TryRemove(p.Partition.Value, out _));
            })
            .SetPartitionsLostHandler((_, _) =>
            {
                Assigned[name] = [];
                endsReached.Clear();
            })
            .Build();
        consumer.Subscribe(topic);
        var queue = Received.GetOrAdd(name, _ => new());
        var member = new Member(consumer, new CancellationTokenSource());
        member.Thread = new Thread(() => Run(member, queue, endsReached)) { IsBackground = true, Name = name };
        members.Add(member);
        member.Thread.Start();
        return consumer;
    }

    /// <summary>Stops one consumer's loop and closes it (LeaveGroup).</summary>
    public void Close(IConsumer<string, string> consumer)
    {
        var member = members.Single(m => m.Consumer == consumer);
        members.Remove(member);
        Stop(member);
    }

    public void Dispose()
    {
        foreach (var member in members)
        {
            try
            {
                Stop(member);
            }
            catch (KafkaException)
            {
                // Clean-up: a failed LeaveGroup here must not replace the failure of the test that is ending.
                member.Consumer.Dispose();
            }
        }

        members.Clear();
    }

    /// <summary>
    /// Produces records k{i}/v{i} for i in [from, from + count), waits until all are delivered and returns each
    /// partition's end offset after them.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, long>> ProduceAsync(Conformance.ClusterFixture fixture, string topic, int count, int from = 0)
    {
        var ends = new ConcurrentDictionary<int, long>();
        using var producer = new ProducerBuilder<string, string>(fixture.ProducerConfig(c => c.LingerMs = 5)).Build();
        for (var i = from; i < from + count; i++)
        {
            // Delivery reports arrive on the producer's poll thread and Flush's, so the map is concurrent.
            producer.Produce(topic, new Message<string, string> { Key = $"k{i}", Value = $"v{i}" }, report =>
            {
                if (!report.Error.IsError)
                {
                    ends.AddOrUpdate(report.Partition.Value, report.Offset.Value + 1, (_, end) => Math.Max(end, report.Offset.Value + 1));
                }
            });
        }

        var undelivered = await Task.Run(() => producer.Flush(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);
        if (undelivered != 0)
        {
            throw new TimeoutException($"{undelivered} of {count} records to '{topic}' were not delivered within 10 s.");
        }

        return new Dictionary<int, long>(ends);
    }

    /// <summary>
    /// Waits until every member holds <paramref name="partitionsEach"/> partitions and every partition in
    /// <paramref name="ends"/> is held by exactly one member, which has reached its end there: nothing is left for the
    /// group to read, so what it received is final.
    /// </summary>
    public Task WaitUntilSplitAndAtEndsAsync(IReadOnlyDictionary<int, long> ends, int partitionsEach, TimeSpan timeout) =>
        WaitUntilAsync(
            () => Assigned.Count == members.Count && Assigned.Values.All(a => a.Count == partitionsEach) && ReachedEnds(ends),
            timeout,
            $"each member to hold {partitionsEach} partitions and be at their ends ({Format(ends)})",
            Describe);

    private bool ReachedEnds(IReadOnlyDictionary<int, long> ends) =>
        ends.All(end => Assigned.Where(a => a.Value.Contains(end.Key)).ToList() is [var holder]
            && EndsReached.GetValueOrDefault(holder.Key)?.GetValueOrDefault(end.Key, -1) == end.Value);

    /// <summary>What each member holds, has received and where it reached the end, for a failure message.</summary>
    private string Describe() => string.Join("; ", Received.Keys.Order().Select(name =>
        $"{name}: holds [{string.Join(",", Assigned.GetValueOrDefault(name) ?? [])}], received {Received[name].Count}, " +
        $"ends reached [{Format(EndsReached.GetValueOrDefault(name) ?? [])}]"));

    private static string Format(IEnumerable<KeyValuePair<int, long>> offsets) =>
        string.Join(",", offsets.OrderBy(o => o.Key).Select(o => $"{o.Key}@{o.Value}"));

    /// <summary>Waits until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/> saying what was awaited.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for {what}.{(state is null ? "" : " " + state())}");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static void Run(Member member, ConcurrentQueue<(int, long, string)> queue, ConcurrentDictionary<int, long> endsReached)
    {
        while (!member.Stop.IsCancellationRequested)
        {
            try
            {
                var result = member.Consumer.Consume(TimeSpan.FromMilliseconds(50));
                if (result is { IsPartitionEOF: true })
                {
                    endsReached[result.Partition.Value] = result.Offset.Value;
                }
                else if (result?.Message is { } message)
                {
                    queue.Enqueue((result.Partition.Value, result.Offset.Value, message.Value));
                }
            }
            catch (ConsumeException)
            {
            }
        }
    }

    private static void Stop(Member member)
    {
        member.Stop.Cancel();
        member.Thread!.Join();
        member.Consumer.Close();
        member.Consumer.Dispose();
        member.Stop.Dispose();
    }

    private sealed class Member(IConsumer<string, string> consumer, CancellationTokenSource stop)
    {
        public IConsumer<string, string> Consumer { get; } = consumer;

        public CancellationTokenSource Stop { get; } = stop;

        public Thread? Thread { get; set; }
    }
}
