using System.Diagnostics;
using Confluent.Kafka;

/// <summary>
/// Raw Confluent.Kafka produce and consume, as DESIGN.md's table measures them: acks=all with idempotence,
/// <c>Produce</c> with a delivery handler (no await per record), then an assigned consumer reading from the start.
/// </summary>
internal sealed class Throughput(int records, int partitions, byte[] value)
{
    /// <summary>Produces every record round-robin over the partitions; returns the seconds until the last delivery.</summary>
    public double Produce(string bootstrapServers, string topic)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
        };
        using var producer = new ProducerBuilder<Null, byte[]>(config).Build();
        var failed = 0;
        string? firstError = null;
        Action<DeliveryReport<Null, byte[]>> onDelivery = r =>
        {
            if (r.Error.IsError && Interlocked.Increment(ref failed) == 1)
            {
                firstError = r.Error.ToString();
            }
        };
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < records; i++)
        {
            while (true)
            {
                try
                {
                    producer.Produce(new TopicPartition(topic, i % partitions), new Message<Null, byte[]> { Value = value }, onDelivery);
                    break;
                }
                catch (ProduceException<Null, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }

        if (producer.Flush(TimeSpan.FromMinutes(2)) != 0)
        {
            throw new TimeoutException($"{topic}: records still in flight after 2 minutes");
        }

        var seconds = sw.Elapsed.TotalSeconds;
        return failed == 0 ? seconds : throw new InvalidOperationException($"{topic}: {failed} deliveries failed, first: {firstError}");
    }

    /// <summary>Reads every record from the beginning of every partition; returns the seconds it took.</summary>
    public double Consume(string bootstrapServers, string topic)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"bench-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(config).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var sw = Stopwatch.StartNew();
        var count = 0;
        while (count < records)
        {
            var result = consumer.Consume(TimeSpan.FromSeconds(30)) ?? throw new TimeoutException($"{topic}: consumed only {count} of {records}");
            if (result.Message.Value.Length != value.Length)
            {
                throw new InvalidOperationException($"{topic}: record at {result.TopicPartitionOffset} has {result.Message.Value.Length} bytes, not {value.Length}");
            }

            count++;
        }

        return sw.Elapsed.TotalSeconds;
    }
}
