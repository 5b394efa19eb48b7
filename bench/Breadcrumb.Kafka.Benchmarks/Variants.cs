using System.Text.Json;
using Breadcrumb.Kafka.Lab;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Benchmarks;

/// <summary>
/// The clients compared: raw Confluent.Kafka <c>Produce</c> + delivery handler (what a developer writes by hand) and
/// BreadcrumbProducer, each sending <c>count</c> records with the same keys and the same shared client settings.
/// Each returns the number of records delivered.
/// </summary>
internal sealed class Variants(KafkaConnection connection, BenchSettings settings, BreadcrumbRecord[] records, string[] keys)
{
    private readonly byte[][] keyBytes = [.. keys.Select(k => System.Text.Encoding.UTF8.GetBytes(k))];

    /// <summary>Creates a raw producer; <paramref name="reportFields"/> null keeps Confluent's default (all fields).</summary>
    public IProducer<byte[], byte[]> CreateRaw(string? reportFields, double? lingerMs = null)
    {
        var config = connection.CreateProducerConfig();
        settings.ApplyShared(config, lingerMs);
        if (reportFields is not null)
        {
            config.Set("dotnet.producer.delivery.report.fields", reportFields);
        }

        return new ProducerBuilder<byte[], byte[]>(config).Build();
    }

    public BreadcrumbProducer CreateBreadcrumb(string topic, double? lingerMs = null) =>
        new(connection, LabPreset.Apply(new BreadcrumbProducerOptions
        {
            Topic = topic,
            KeyStrategy = KeyStrategy.Custom(c => keys[(int)(c.Index % keys.Length)]),
            ConfigureClient = c => settings.ApplyShared(c, lingerMs),
        }));

    public long RawProduce(IProducer<byte[], byte[]> producer, string topic, int count)
    {
        long delivered = 0;
        Action<DeliveryReport<byte[], byte[]>> handler = r =>
        {
            if (!r.Error.IsError)
            {
                Interlocked.Increment(ref delivered);
            }
        };
        for (var i = 0; i < count; i++)
        {
            var message = new Message<byte[], byte[]>
            {
                Key = keyBytes[i % keyBytes.Length],
                Value = JsonSerializer.SerializeToUtf8Bytes(records[i % records.Length], BreadcrumbJsonContext.Default.BreadcrumbRecord),
            };
            while (true)
            {
                try
                {
                    producer.Produce(topic, message, handler);
                    break;
                }
                catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }

        producer.Flush(TimeSpan.FromMinutes(2));
        return Interlocked.Read(ref delivered);
    }

    public static async Task<long> RawAwaitEach(IProducer<byte[], byte[]> producer, string topic, BreadcrumbRecord[] records, byte[] key, int count)
    {
        long delivered = 0;
        for (var i = 0; i < count; i++)
        {
            var value = JsonSerializer.SerializeToUtf8Bytes(records[i % records.Length], BreadcrumbJsonContext.Default.BreadcrumbRecord);
            var result = await producer.ProduceAsync(topic, new Message<byte[], byte[]> { Key = key, Value = value });
            delivered += result.Status == PersistenceStatus.Persisted ? 1 : 0;
        }

        return delivered;
    }

    public async Task<long> BreadcrumbSend(BreadcrumbProducer producer, int count)
    {
        for (var i = 0; i < count; i++)
        {
            producer.Send(records[i % records.Length]);
        }

        await producer.FlushAsync();
        return producer.GetSummary().Delivered;
    }

    public async Task<long> BreadcrumbProduceAll(BreadcrumbProducer producer, int count)
    {
        var summary = await producer.ProduceAllAsync(Enumerate(count));
        return summary.Delivered;
    }

    public async Task<long> BreadcrumbSendAsyncWindow(BreadcrumbProducer producer, int count, int window)
    {
        var inFlight = new ValueTask<DeliveryReport<string?>>[window];
        long delivered = 0;
        for (var i = 0; i < count; i++)
        {
            var slot = i % window;
            if (i >= window)
            {
                delivered += (await inFlight[slot]).IsDelivered ? 1 : 0;
            }

#pragma warning disable CA2012 // Stored in a ring and awaited exactly once, window sends later.
            inFlight[slot] = producer.SendAsync(records[i % records.Length]);
#pragma warning restore CA2012
        }

        for (var i = Math.Max(0, count - window); i < count; i++)
        {
            delivered += (await inFlight[i % window]).IsDelivered ? 1 : 0;
        }

        return delivered;
    }

    public async Task<long> BreadcrumbAwaitEach(BreadcrumbProducer producer, int count)
    {
        long delivered = 0;
        for (var i = 0; i < count; i++)
        {
            delivered += (await producer.SendAsync(records[i % records.Length])).IsDelivered ? 1 : 0;
        }

        return delivered;
    }

    private IEnumerable<BreadcrumbRecord> Enumerate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return records[i % records.Length];
        }
    }
}
