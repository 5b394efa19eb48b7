using System.Diagnostics;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Benchmarks;

/// <summary>One timed run of one variant.</summary>
internal sealed record Sample(string Variant, int Round, int Records, TimeSpan Elapsed, long AllocatedBytes, TimeSpan CpuTime)
{
    /// <summary>Gets the CPU time of the whole process (client, poll and broker threads) per record, in microseconds.</summary>
    public double CpuMicrosecondsPerRecord => CpuTime.TotalMicroseconds / Records;

    public double MessagesPerSecond => Records / Elapsed.TotalSeconds;

    public double BytesPerRecord => (double)AllocatedBytes / Records;
}

/// <summary>Times a run and counts what every thread allocated during it, then checks the broker kept every record.</summary>
internal sealed class Measurement(EmbeddedKafkaCluster cluster, BenchSettings settings)
{
    private int topicNumber;

    public string NewTopic()
    {
        var topic = $"bench-{Interlocked.Increment(ref topicNumber)}-{Guid.NewGuid():N}";
        cluster.CreateTopic(topic, settings.Partitions);
        return topic;
    }

    public static async Task<Sample> TimeAsync(string variant, int round, int records, Func<Task<long>> body)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // GetTotalAllocatedBytes(precise) counts all threads: librdkafka's poll thread raises the delivery reports.
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var delivered = await body();
        stopwatch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        if (delivered != records)
        {
            throw new InvalidOperationException($"{variant}: {delivered} of {records} records were delivered.");
        }

        return new Sample(variant, round, records, stopwatch.Elapsed, allocated, cpu);
    }

    /// <summary>Checks every partition still holds everything from offset 0 (the mock drops the oldest silently past 5 MiB), then deletes the topic.</summary>
    public void VerifyAndDelete(string topic, int expected)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(cluster.Connection.CreateConsumerConfig("bench-watermarks")).Build();
        long total = 0;
        long largest = 0;
        for (var p = 0; p < settings.Partitions; p++)
        {
            var offsets = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10));
            if (offsets.Low.Value != 0)
            {
                throw new InvalidOperationException(
                    $"{topic} partition {p}: low watermark {offsets.Low.Value}; the mock dropped records. Use more --partitions or --keys.");
            }

            total += offsets.High.Value;
            largest = Math.Max(largest, offsets.High.Value);
        }

        if (total != expected)
        {
            throw new InvalidOperationException($"{topic}: {total} records stored, expected {expected}.");
        }

        LargestPartition = Math.Max(LargestPartition, largest);
        cluster.DeleteTopic(topic);
    }

    /// <summary>Gets the most records seen in one partition, to show the 5 MiB limit was respected.</summary>
    public long LargestPartition { get; private set; }
}
