using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.EmbeddedBroker;

/// <summary>Raw Confluent.Kafka transactional producers and isolation-level readers for the read_committed scenarios.</summary>
internal static class TxnClients
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static IProducer<string, string> Producer(KafkaConnection connection)
    {
        var config = connection.CreateProducerConfig();
        config.TransactionalId = $"txn-{Guid.NewGuid():N}";
        config.LingerMs = 1;
        var producer = new ProducerBuilder<string, string>(config).Build();
        producer.InitTransactions(Deadline);
        return producer;
    }

    /// <summary>Produces <paramref name="count"/> records to each topic in one transaction, then commits or aborts it.</summary>
    public static async Task<List<string>> TransactionAsync(IProducer<string, string> producer, string[] topics, string tag, int count, bool commit)
    {
        producer.BeginTransaction();
        var values = new List<string>();
        foreach (var topic in topics)
        {
            for (var i = 0; i < count; i++)
            {
                var value = $"{tag}-{topic[..8]}-{i}";
                await producer.ProduceAsync(topic, new Message<string, string> { Key = $"{i % 5 + 1}", Value = value });
                values.Add(value);
            }
        }

        await Task.Run(() =>
        {
            if (commit)
            {
                producer.CommitTransaction(Deadline);
            }
            else
            {
                producer.AbortTransaction(Deadline);
            }
        });
        return values;
    }

    public static IConsumer<string, string> Reader(KafkaConnection connection, IsolationLevel isolation)
    {
        var config = connection.CreateConsumerConfig($"reader-{Guid.NewGuid():N}");
        config.IsolationLevel = isolation;
        config.EnablePartitionEof = true;
        config.FetchWaitMaxMs = 50;
        config.EnableAutoCommit = false;
        return new ConsumerBuilder<string, string>(config).Build();
    }

    /// <summary>Reads every partition of the topics from the beginning until each reports end of partition.</summary>
    public static async Task<List<string>> ReadToEndAsync(KafkaConnection connection, IsolationLevel isolation, params (string Topic, int Partitions)[] topics)
    {
        using var consumer = Reader(connection, isolation);
        return await Task.Run(() => ReadToEnd(consumer, topics));
    }

    public static List<string> ReadToEnd(IConsumer<string, string> consumer, (string Topic, int Partitions)[] topics)
    {
        var all = topics.SelectMany(t => Enumerable.Range(0, t.Partitions).Select(p => new TopicPartition(t.Topic, p))).ToList();
        consumer.Assign(all.Select(tp => new TopicPartitionOffset(tp, Offset.Beginning)));
        var pendingEof = new HashSet<TopicPartition>(all);
        var values = new List<string>();
        var deadline = DateTime.UtcNow + Deadline;
        while (pendingEof.Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No end of partition within {Deadline} for {string.Join(", ", pendingEof)}; read {values.Count}.");
            }

            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is null)
            {
                continue;
            }

            if (result.IsPartitionEOF)
            {
                pendingEof.Remove(result.TopicPartition);
            }
            else
            {
                values.Add(result.Message.Value);
            }
        }

        return values;
    }
}
