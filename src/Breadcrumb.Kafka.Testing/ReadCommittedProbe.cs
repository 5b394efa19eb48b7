using System.Diagnostics;
using Breadcrumb.Kafka.Logging;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Testing;

/// <summary>
/// Asks a broker "does a read_committed consumer skip the records of an aborted transaction?" by doing it: one aborted
/// transactional record, one committed one, then a read_committed read from the start.
/// </summary>
/// <remarks>librdkafka's mock cluster (which the embedded broker replaced) answers "no": its Fetch returns LastStableOffset = high watermark and no aborted transactions.</remarks>
public static class ReadCommittedProbe
{
    private const string LoggerCategory = "Breadcrumb.Kafka.Testing.ReadCommittedProbe";

    /// <summary>The capability this probe checks.</summary>
    public const string Capability = "filters aborted records for read_committed consumers";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Probes an embedded cluster on a fresh one-partition topic.</summary>
    /// <param name="cluster">The cluster.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>Whether aborted records were filtered, and what was seen.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cluster"/> is <see langword="null"/>.</exception>
    public static Task<BrokerCapability> RunAsync(EmbeddedKafkaCluster cluster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var topic = $"breadcrumb-probe-rc-{Guid.NewGuid():N}";
        cluster.CreateTopic(topic, 1);
        return RunAsync(cluster.Connection, topic, null, cancellationToken);
    }

    /// <summary>Probes any broker on an existing topic; two records are added to its partition 0.</summary>
    /// <param name="connection">Where to connect.</param>
    /// <param name="topic">An existing topic with at least one partition, used only for probing.</param>
    /// <param name="timeout">How long to wait for the records; <see langword="null"/> for 20 seconds.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>Whether aborted records were filtered, and what was seen.</returns>
    /// <exception cref="KafkaException">The transactional producer could not write the probe records.</exception>
    public static async Task<BrokerCapability> RunAsync(
        KafkaConnection connection, string topic, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        TopicNames.Validate(topic);
        var partition = new TopicPartition(topic, 0);
        var (aborted, committed) = await WriteProbeRecordsAsync(connection, partition).ConfigureAwait(false);
        var seen = await Task.Run(() => ReadCommitted(connection, partition, committed, timeout ?? DefaultTimeout, cancellationToken), cancellationToken)
            .ConfigureAwait(false);

        var where = $"'{topic}' [0]";
        if (seen.Contains(aborted))
        {
            return new BrokerCapability(
                Capability,
                false,
                $"a read_committed consumer received the record of an aborted transaction ({where} @{aborted}): this broker does not filter aborted "
                + "records (librdkafka's mock cluster, for one, answers every Fetch with LastStableOffset = high watermark and no aborted transactions).");
        }

        return seen.Contains(committed)
            ? new BrokerCapability(
                Capability, true, $"a read_committed consumer skipped the aborted record ({where} @{aborted}) and received the committed one (@{committed}).")
            : new BrokerCapability(
                Capability,
                false,
                $"a read_committed consumer received neither the aborted (@{aborted}) nor the committed (@{committed}) record of {where} "
                + $"within {timeout ?? DefaultTimeout}; offsets seen: [{string.Join(", ", seen)}].");
    }

    private static async Task<(long Aborted, long Committed)> WriteProbeRecordsAsync(KafkaConnection connection, TopicPartition partition)
    {
        var config = connection.CreateProducerConfig();
        config.TransactionalId = $"breadcrumb-probe-{Guid.NewGuid():N}";
        using var producer = new ProducerBuilder<string, string>(config).WithLogging(connection.CreateLogger(LoggerCategory)).Build();

        // Confluent's transaction calls block: keep them off the caller's context.
        await Task.Run(() => producer.InitTransactions(TimeSpan.FromSeconds(30))).ConfigureAwait(false);
        producer.BeginTransaction();
        var aborted = await producer.ProduceAsync(partition, new Message<string, string> { Key = "probe", Value = "aborted" }).ConfigureAwait(false);
        await Task.Run(producer.AbortTransaction).ConfigureAwait(false);

        producer.BeginTransaction();
        var committed = await producer.ProduceAsync(partition, new Message<string, string> { Key = "probe", Value = "committed" }).ConfigureAwait(false);
        await Task.Run(producer.CommitTransaction).ConfigureAwait(false);
        return (aborted.Offset.Value, committed.Offset.Value);
    }

    private static List<long> ReadCommitted(
        KafkaConnection connection, TopicPartition partition, long committedOffset, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var config = connection.CreateConsumerConfig($"breadcrumb-probe-{Guid.NewGuid():N}");
        config.IsolationLevel = IsolationLevel.ReadCommitted;
        config.EnableAutoCommit = false;
        config.FetchWaitMaxMs = 100;
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(config).WithLogging(connection.CreateLogger(LoggerCategory)).Build();
        consumer.Assign(new TopicPartitionOffset(partition, Offset.Beginning));

        var seen = new List<long>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !seen.Contains(committedOffset))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } result)
            {
                seen.Add(result.Offset.Value);
            }
        }

        consumer.Close();
        return seen;
    }
}
