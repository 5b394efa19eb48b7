using Breadcrumb.Kafka.Logging;
using Breadcrumb.Kafka.Lab.Topics.Internal;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Answers the lab's "how much is stored" questions (sections B and C): per-partition watermarks and message counts,
/// bytes where a reporter tells them, and how far a consumer group is behind.
/// </summary>
/// <remarks>Each call opens short-lived clients and closes them before it returns; the type holds no client between calls.</remarks>
public sealed class TopicInspector
{
    /// <summary>The text <see cref="TopicStats.BytesNote"/> carries when no <see cref="IStoredBytesReporter"/> is configured.</summary>
    public const string BytesNotReported =
        "not reported: Confluent.Kafka has no DescribeLogDirs call; configure an IStoredBytesReporter for your broker";

    private readonly KafkaConnection connection;
    private readonly IStoredBytesReporter? storedBytes;
    private readonly TimeSpan storedBytesTimeout;

    /// <summary>Initializes a new instance of the <see cref="TopicInspector"/> class.</summary>
    /// <param name="connection">Where to connect.</param>
    /// <param name="storedBytes">Where stored bytes come from; <see langword="null"/> reports them as not reported.</param>
    /// <param name="storedBytesTimeout">How long to wait for <paramref name="storedBytes"/> before reporting "not reported"; the default is 5 seconds.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> is <see langword="null"/>.</exception>
    public TopicInspector(KafkaConnection connection, IStoredBytesReporter? storedBytes = null, TimeSpan? storedBytesTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        this.connection = connection;
        this.storedBytes = storedBytes;
        this.storedBytesTimeout = storedBytesTimeout ?? TimeSpan.FromSeconds(5);
    }

    /// <summary>Returns each partition's watermarks and message count, and stored bytes when reported.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The topic's stats.</returns>
    /// <exception cref="InvalidOperationException">The topic does not exist.</exception>
    /// <exception cref="KafkaAuthorizationException">The caller may not describe the topic.</exception>
    public async Task<TopicStats> GetStatsAsync(string topic, CancellationToken cancellationToken = default)
    {
        var watermarks = await Task.Run(
            () => TopicProbe.Watermarks(connection, topic, TopicProbe.Partitions(connection, topic, "no stats"), cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var (bytes, note) = await StoredBytesAsync(topic, cancellationToken).ConfigureAwait(false);
        var partitions = watermarks.Select(w => new PartitionStats(w.Partition, w.Low, w.High, bytes?.GetValueOrDefault(w.Partition))).ToList();
        return new TopicStats(topic, partitions, bytes?.Values.Sum(), note);
    }

    /// <summary>Returns a group's committed offset, the watermarks and the lag of each partition of a topic.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="groupId">The consumer group.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The group's lag on the topic.</returns>
    /// <exception cref="InvalidOperationException">The topic does not exist.</exception>
    /// <exception cref="KafkaAuthorizationException">The caller may not describe the topic.</exception>
    public Task<ConsumerGroupLag> GetLagAsync(string topic, string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        return Task.Run(
            () =>
            {
                var partitions = TopicProbe.Partitions(connection, topic, "no lag");
                var watermarks = TopicProbe.Watermarks(connection, topic, partitions, cancellationToken);

                // A consumer that never subscribes asks the group coordinator for the offsets without joining the group.
                using var consumer = new ConsumerBuilder<Ignore, Ignore>(connection.CreateConsumerConfig(groupId)).WithLogging(connection.CreateLogger<TopicInspector>()).Build();
                var committed = consumer.Committed(partitions.Select(p => new TopicPartition(topic, p)), TopicProbe.Timeout)
                    .ToDictionary(c => c.Partition.Value, c => c.Offset.Value);
                var lags = watermarks.Select(w => new PartitionLag(
                    w.Partition,
                    committed.TryGetValue(w.Partition, out var offset) && offset >= 0 ? offset : null,
                    w.Low,
                    w.High)).ToList();
                return new ConsumerGroupLag(groupId, topic, lags);
            },
            cancellationToken);
    }

    private async Task<(IReadOnlyDictionary<int, long>? Bytes, string? Note)> StoredBytesAsync(string topic, CancellationToken cancellationToken)
    {
        if (storedBytes is null)
        {
            return (null, BytesNotReported);
        }

        try
        {
            var bytes = await storedBytes.GetStoredBytesAsync(topic, cancellationToken).WaitAsync(storedBytesTimeout, cancellationToken).ConfigureAwait(false);
            return bytes is null ? (null, "not reported by this broker") : (bytes, null);
        }
        catch (TimeoutException)
        {
            return (null, $"not reported: no answer within {storedBytesTimeout.TotalSeconds:0.#} s");
        }
    }
}
