using System.Diagnostics;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Reliability.Support;

/// <summary>Reads every partition of a topic from its start to its current end, independent of the library's consumer.</summary>
internal static class TopicReader
{
    public sealed record Seen(int Partition, long Offset, string? Key, long Id);

    /// <summary>
    /// Reads what is stored now (the end is the high watermark, or the last stable offset for read_committed, at the
    /// time of the call); fails if that takes longer than <paramref name="timeout"/>.
    /// </summary>
    public static Task<IReadOnlyList<Seen>> ReadAllAsync(
        KafkaConnection connection, string topic, int partitions, IsolationLevel isolation = IsolationLevel.ReadUncommitted, TimeSpan? timeout = null) =>
        Task.Run<IReadOnlyList<Seen>>(() => Read(connection, topic, partitions, isolation, timeout ?? TimeSpan.FromSeconds(30)));

    private static List<Seen> Read(KafkaConnection connection, string topic, int partitions, IsolationLevel isolation, TimeSpan timeout)
    {
        var config = connection.CreateConsumerConfig($"reader-{Guid.NewGuid():N}");
        config.EnableAutoCommit = false;
        config.EnablePartitionEof = true;
        config.IsolationLevel = isolation;
        config.FetchWaitMaxMs = 50;
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        var all = Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p)).ToList();
        consumer.Assign(all.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));

        // Partition EOF is raised when a fetch reaches the end, once per partition (and again after new records).
        var atEnd = new HashSet<int>();
        var seen = new List<Seen>();
        var clock = Stopwatch.StartNew();
        while (atEnd.Count < partitions)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"Reading '{topic}' took over {timeout}: {seen.Count} records read, partitions at end: [{string.Join(", ", atEnd.Order())}].");
            }

            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is null)
            {
                continue;
            }

            if (result.IsPartitionEOF)
            {
                atEnd.Add(result.Partition.Value);
                continue;
            }

            atEnd.Remove(result.Partition.Value);
            seen.Add(new Seen(result.Partition.Value, result.Offset.Value, result.Message.Key, Ids.Of(result.Message.Value)));
        }

        consumer.Close();
        return seen;
    }
}
