using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests;

/// <summary>Confluent.Kafka clients set up for the embedded broker: no linger, consumers assign partitions (no group coordinator yet).</summary>
internal static class TestClients
{
    public static ProducerConfig ProducerConfig(string bootstrapServers, Action<ProducerConfig>? tweak = null)
    {
        // Not idempotent unless a test asks: librdkafka's producer-id state machine alone spends about a second on timers.
        var config = new ProducerConfig { BootstrapServers = bootstrapServers, LingerMs = 0, EnableIdempotence = false, Acks = Acks.All };
        tweak?.Invoke(config);
        return config;
    }

    public static ConsumerConfig ConsumerConfig(string bootstrapServers, Action<ConsumerConfig>? tweak = null)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            // Confluent.Kafka insists on a group id; the tests assign partitions and never commit.
            GroupId = "g-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            FetchWaitMaxMs = 100,
        };
        tweak?.Invoke(config);
        return config;
    }

    /// <summary>Consumes exactly <paramref name="count"/> records, failing if they do not all come within <paramref name="timeout"/>.</summary>
    public static List<ConsumeResult<TKey, TValue>> ConsumeExactly<TKey, TValue>(IConsumer<TKey, TValue> consumer, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        var results = new List<ConsumeResult<TKey, TValue>>();
        while (results.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Only {results.Count} of {count} records arrived.");
            }

            if (consumer.Consume(left) is { IsPartitionEOF: false } result)
            {
                results.Add(result);
            }
        }

        return results;
    }

    /// <summary>Produces one record with <paramref name="value"/> and reads it back from its offset: proof the cluster serves clients.</summary>
    public static async Task AssertRoundTripAsync(KafkaCluster cluster, string? note = null)
    {
        var topic = "probe-" + Guid.NewGuid().ToString("N");
        cluster.CreateTopic(topic);
        var value = "still serving " + note;
        DeliveryResult<Null, string> report;
        using (var producer = new ProducerBuilder<Null, string>(ProducerConfig(cluster.BootstrapServers)).Build())
        {
            report = await producer.ProduceAsync(topic, new Message<Null, string> { Value = value }, TestContext.Current.CancellationToken);
        }

        using var consumer = new ConsumerBuilder<Ignore, string>(ConsumerConfig(cluster.BootstrapServers)).Build();
        consumer.Assign(report.TopicPartitionOffset);
        ConsumeExactly(consumer, 1).Single().Message.Value.Should().Be(value, $"the cluster still serves a round trip ({note})");
    }
}
