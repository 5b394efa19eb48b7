using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;

/// <summary>A group member the bench drives. Each action returns the timestamp it acted at.</summary>
internal interface IMember : IDisposable
{
    /// <summary>Subscribes to the topic and starts consuming.</summary>
    long Subscribe();

    /// <summary>Closes the consumer the ordinary way (LeaveGroup / leave heartbeat).</summary>
    long Close();

    /// <summary>Kills the member's process (SIGKILL): nothing is sent to the broker any more.</summary>
    long Crash();
}

/// <summary>
/// A Confluent.Kafka consumer in this process, polled on its own thread (Consume with 100 ms timeouts; rebalance
/// callbacks run inside Consume as soon as librdkafka queues them). What it holds follows its assigned / revoked /
/// lost callbacks, which for eager assignors carry the whole assignment and for cooperative and KIP-848 the increments.
/// </summary>
internal sealed class ConfluentMember : IMember
{
    private readonly IConsumer<Ignore, Ignore> consumer;
    private readonly HashSet<int> held = [];
    private readonly Action<int[]> changed;
    private readonly string topic;
    private readonly string name;
    private Thread? poller;
    private volatile bool stopPolling;
    private bool closed;

    public ConfluentMember(string name, ConsumerConfig config, string topic, Action<int[]> changed)
    {
        this.name = name;
        this.topic = topic;
        this.changed = changed;
        consumer = new ConsumerBuilder<Ignore, Ignore>(config)
            .SetPartitionsAssignedHandler((_, parts) => Change(() => held.UnionWith(parts.Select(p => p.Partition.Value))))
            .SetPartitionsRevokedHandler((_, parts) => Change(() => held.ExceptWith(parts.Select(p => p.Partition.Value))))
            .SetPartitionsLostHandler((_, _) => Change(held.Clear))
            .SetErrorHandler((_, e) => Console.Error.WriteLine($"[{name}] {e.Code}: {e.Reason}"))
            .Build();

        // Connected before the clock starts, as kafkajs's consumer.connect() is: one ListOffsets brings up the
        // connection and the metadata, so a join measures the group's requests, not the first TCP connection.
        consumer.QueryWatermarkOffsets(new TopicPartition(topic, 0), TimeSpan.FromSeconds(30));
    }

    public long Subscribe()
    {
        var at = Stopwatch.GetTimestamp();
        consumer.Subscribe(topic);
        poller = new Thread(Poll) { IsBackground = true, Name = $"member {name}" };
        poller.Start();
        return at;
    }

    public long Close()
    {
        StopPolling();
        var at = Stopwatch.GetTimestamp();
        consumer.Close();
        closed = true;
        return at;
    }

    public long Crash() => throw new NotSupportedException("An in-process consumer cannot crash: run the crashing member in a child process.");

    /// <summary>Stops polling and disposes without Close, to see whether librdkafka still leaves the group.</summary>
    public long DisposeWithoutClose()
    {
        StopPolling();
        var at = Stopwatch.GetTimestamp();
        closed = true;
        consumer.Dispose();
        return at;
    }

    public void Dispose()
    {
        StopPolling();
        if (!closed)
        {
            closed = true;
            try
            {
                consumer.Close();
            }
            catch (KafkaException e)
            {
                Console.Error.WriteLine($"[{name}] Close: {e.Message}");
            }
        }

        consumer.Dispose();
    }

    private void Change(Action apply)
    {
        int[] now;
        lock (held)
        {
            apply();
            now = [.. held.Order()];
        }

        changed(now);
    }

    private void Poll()
    {
        while (!stopPolling)
        {
            try
            {
                consumer.Consume(TimeSpan.FromMilliseconds(100));
            }
            catch (ConsumeException e)
            {
                Console.Error.WriteLine($"[{name}] Consume: {e.Error.Reason}");
            }
        }
    }

    private void StopPolling()
    {
        stopPolling = true;
        poller?.Join();
        poller = null;
    }
}

/// <summary>
/// A member in a child process, driven over stdin/stdout: a kafkajs consumer (tests/clients/kafkajs/bench-member.js)
/// or a Confluent.Kafka one (this executable in <c>--member</c> mode). It prints READY, then <c>ASSIGNED p,p,…</c> at
/// every change of what it holds, and CLOSED after a close; it reads <c>subscribe</c> and <c>close</c>. Its lines are
/// read on a dedicated thread and time-stamped when read (a pipe's latency is added: well under a millisecond idle).
/// </summary>
internal sealed class ProcessMember : IMember
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly string description;
    private readonly TaskCompletionSource ready = new();
    private readonly TaskCompletionSource closedLine = new();
    private readonly Action<int[]> changed;
    private bool gone;

    private ProcessMember(ProcessStartInfo info, Action<int[]> changed)
    {
        this.changed = changed;
        description = $"{info.FileName} {string.Join(' ', info.ArgumentList)}";
        process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {description}.");
        new Thread(Read) { IsBackground = true, Name = "member reader" }.Start();
        if (!ready.Task.Wait(StartTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new TimeoutException($"{description} printed no READY within {StartTimeout.TotalSeconds:F0} s.");
        }
    }

    public static ProcessMember Start(string fileName, IEnumerable<string> arguments, string? workingDirectory, Action<int[]> changed)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new ProcessMember(info, changed);
    }

    public long Subscribe() => Send("subscribe");

    public long Close()
    {
        var at = Send("close");
        if (!closedLine.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException($"{description} did not print CLOSED within 60 s of close.");
        }

        return at;
    }

    public long Crash()
    {
        var at = Stopwatch.GetTimestamp();
        process.Kill(entireProcessTree: true);
        gone = true;
        return at;
    }

    public void Dispose()
    {
        if (!gone && !process.HasExited)
        {
            try
            {
                process.StandardInput.WriteLine("close");
                process.StandardInput.Flush();
            }
            catch (IOException)
            {
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.WaitForExit(TimeSpan.FromSeconds(10));
        process.Dispose();
    }

    private long Send(string command)
    {
        var at = Stopwatch.GetTimestamp();
        process.StandardInput.WriteLine(command);
        process.StandardInput.Flush();
        return at;
    }

    private void Read()
    {
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line == "READY")
            {
                ready.TrySetResult();
            }
            else if (line == "CLOSED")
            {
                closedLine.TrySetResult();
            }
            else if (line.StartsWith("ASSIGNED", StringComparison.Ordinal))
            {
                changed([.. line["ASSIGNED".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))]);
            }
        }

        ready.TrySetException(new InvalidOperationException($"{description} ended before READY."));
        closedLine.TrySetResult();
    }
}
