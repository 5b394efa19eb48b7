using System.Diagnostics;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Transactions;

/// <summary>Reads partitions from the beginning with a raw Confluent consumer at a chosen isolation level.</summary>
internal static class TestConsumer
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Reads until at least <paramref name="atLeast"/> records arrived and every partition then reported its end
    /// (for read_committed, the end is the last stable offset), or until the deadline.
    /// </summary>
    public static Task<List<TopicPartitionOffset>> ReadAsync(
        KafkaConnection connection, IsolationLevel isolation, IReadOnlyCollection<TopicPartition> partitions, int atLeast, TimeSpan? deadline = null) =>
        Task.Run(() =>
        {
            var config = connection.CreateConsumerConfig($"reader-{Guid.NewGuid():N}");
            config.IsolationLevel = isolation;
            config.EnableAutoCommit = false;
            config.EnablePartitionEof = true;
            config.FetchWaitMaxMs = 100;
            using var consumer = new ConsumerBuilder<Ignore, Ignore>(config).Build();
            consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));

            var atEnd = new HashSet<TopicPartition>();
            var seen = new List<TopicPartitionOffset>();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < (deadline ?? Deadline))
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
                if (result is null)
                {
                    continue;
                }

                if (result.IsPartitionEOF)
                {
                    atEnd.Add(result.TopicPartition);
                    if (atEnd.Count == partitions.Count && seen.Count >= atLeast)
                    {
                        break;
                    }

                    continue;
                }

                atEnd.Remove(result.TopicPartition);
                seen.Add(result.TopicPartitionOffset);
            }

            consumer.Close();
            return seen;
        });

    public static TopicPartition[] Partitions(string topic, int count) => [.. Enumerable.Range(0, count).Select(p => new TopicPartition(topic, p))];
}
