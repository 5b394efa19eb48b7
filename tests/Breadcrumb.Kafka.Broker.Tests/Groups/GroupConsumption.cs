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

    public IConsumer<string, string> Start(ConsumerConfig config, string topic, string name)
    {
        var consumer = new ConsumerBuilder<string, string>(config)
            .SetPartitionsAssignedHandler((c, parts) => Assigned[name] = [.. c.Assignment.Concat(parts).Select(p => p.Partition.Value).Distinct().Order()])
            .SetPartitionsRevokedHandler((c, parts) => Assigned[name] = [.. c.Assignment.Select(p => p.Partition.Value).Except(parts.Select(p => p.Partition.Value)).Order()])
            .SetPartitionsLostHandler((_, _) => Assigned[name] = [])
            .Build();
        consumer.Subscribe(topic);
        var queue = Received.GetOrAdd(name, _ => new());
        var member = new Member(consumer, new CancellationTokenSource());
        member.Thread = new Thread(() => Run(member, queue)) { IsBackground = true, Name = name };
        members.Add(member);
        member.Thread.Start();
        return consumer;
    }

    /// <summary>Stops one consumer's loop and closes it (LeaveGroup).</summary>
    public void Close(IConsumer<string, string> consumer)
    {
        var member = members.Single(m => m.Consumer == consumer);
        members.Remove(member);
        Stop(member, close: true);
    }

    /// <summary>Stops one consumer's loop without closing it, as a crash would (its session times out).</summary>
    public void Abandon(IConsumer<string, string> consumer)
    {
        var member = members.Single(m => m.Consumer == consumer);
        members.Remove(member);
        Stop(member, close: false);
    }

    public void Dispose()
    {
        foreach (var member in members)
        {
            Stop(member, close: true);
        }

        members.Clear();
    }

    /// <summary>Produces records k{i}/v{i} for i in [from, from + count) and waits until all are delivered.</summary>
    public static async Task ProduceAsync(Conformance.ClusterFixture fixture, string topic, int count, int from = 0)
    {
        using var producer = new ProducerBuilder<string, string>(fixture.ProducerConfig(c => c.LingerMs = 5)).Build();
        for (var i = from; i < from + count; i++)
        {
            producer.Produce(topic, new Message<string, string> { Key = $"k{i}", Value = $"v{i}" });
        }

        var undelivered = await Task.Run(() => producer.Flush(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);
        if (undelivered != 0)
        {
            throw new TimeoutException($"{undelivered} of {count} records to '{topic}' were not delivered within 10 s.");
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/> saying what was awaited.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for {what}.");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static void Run(Member member, ConcurrentQueue<(int, long, string)> queue)
    {
        while (!member.Stop.IsCancellationRequested)
        {
            try
            {
                var result = member.Consumer.Consume(TimeSpan.FromMilliseconds(50));
                if (result?.Message is { } message)
                {
                    queue.Enqueue((result.Partition.Value, result.Offset.Value, message.Value));
                }
            }
            catch (ConsumeException)
            {
            }
        }
    }

    private static void Stop(Member member, bool close)
    {
        member.Stop.Cancel();
        member.Thread!.Join();
        if (close)
        {
            member.Consumer.Close();
            member.Consumer.Dispose();
        }

        member.Stop.Dispose();
    }

    private sealed class Member(IConsumer<string, string> consumer, CancellationTokenSource stop)
    {
        public IConsumer<string, string> Consumer { get; } = consumer;

        public CancellationTokenSource Stop { get; } = stop;

        public Thread? Thread { get; set; }
    }
}
