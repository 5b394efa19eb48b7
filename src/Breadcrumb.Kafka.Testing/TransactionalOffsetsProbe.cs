using System.Diagnostics;
using Breadcrumb.Kafka.Logging;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Testing;

/// <summary>
/// Asks a broker "do consumer offsets sent with a transaction (SendOffsetsToTransaction) become the group's committed
/// offsets when it commits, and not when it aborts?" by doing it, as a consume-transform-produce loop needs.
/// </summary>
/// <remarks>librdkafka's mock cluster (which the embedded broker replaced) answers "no": it accepts TxnOffsetCommit but stores nothing.</remarks>
public static class TransactionalOffsetsProbe
{
    /// <summary>The capability this probe checks.</summary>
    public const string Capability = "commits consumer offsets sent in a transaction";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Probes an embedded cluster on a fresh one-partition topic.</summary>
    /// <param name="cluster">The cluster.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>Whether the offsets took effect with the commit only, and what was seen.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cluster"/> is <see langword="null"/>.</exception>
    public static Task<BrokerCapability> RunAsync(EmbeddedKafkaCluster cluster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var topic = $"breadcrumb-probe-offsets-{Guid.NewGuid():N}";
        cluster.CreateTopic(topic, 1);

        // The embedded broker applies transactional offsets when EndTxn commits, so a short wait suffices.
        return RunAsync(cluster.Connection, topic, TimeSpan.FromSeconds(5), cancellationToken);
    }

    /// <summary>Probes any broker on an existing topic; one record is added to its partition 0, and a new group gets offsets for it.</summary>
    /// <param name="connection">Where to connect.</param>
    /// <param name="topic">An existing topic with at least one partition, used only for probing.</param>
    /// <param name="timeout">How long to wait for the committed offset to show; <see langword="null"/> for 20 seconds.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>Whether the offsets took effect with the commit only, and what was seen.</returns>
    /// <exception cref="KafkaException">The transactional producer or the consumer failed.</exception>
    public static async Task<BrokerCapability> RunAsync(
        KafkaConnection connection, string topic, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        TopicNames.Validate(topic);
        var partition = new TopicPartition(topic, 0);
        var group = $"breadcrumb-probe-{Guid.NewGuid():N}";
        var consumerConfig = connection.CreateConsumerConfig(group);
        consumerConfig.EnableAutoCommit = false;
        consumerConfig.IsolationLevel = IsolationLevel.ReadCommitted;
        var logger = connection.CreateLogger("Breadcrumb.Kafka.Testing.TransactionalOffsetsProbe");
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(consumerConfig).WithLogging(logger).Build();

        var producerConfig = connection.CreateProducerConfig();
        producerConfig.TransactionalId = $"breadcrumb-probe-{Guid.NewGuid():N}";
        using var producer = new ProducerBuilder<string, string>(producerConfig).WithLogging(logger).Build();
        await Task.Run(() => producer.InitTransactions(TimeSpan.FromSeconds(30)), cancellationToken).ConfigureAwait(false);

        // Transaction 1 commits offset 1 for the group; transaction 2 sends offset 2 and aborts, which must change nothing.
        await SendOffsetAsync(producer, consumer, partition, 1, commit: true).ConfigureAwait(false);
        var afterCommit = await Task.Run(() => WaitForCommitted(consumer, partition, 1, timeout ?? DefaultTimeout, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        await SendOffsetAsync(producer, consumer, partition, 2, commit: false).ConfigureAwait(false);
        var afterAbort = await Task.Run(() => Committed(consumer, partition), cancellationToken).ConfigureAwait(false);

        var where = $"group '{group}' on '{topic}' [0]";
        if (afterCommit != 1)
        {
            return new BrokerCapability(
                Capability,
                false,
                $"after a committed transaction that sent offset 1 for {where}, the committed offset is {Describe(afterCommit)}, not 1: this broker "
                + "does not apply offsets sent with a transaction (librdkafka's mock cluster, for one, accepts TxnOffsetCommit but stores nothing).");
        }

        return afterAbort == 1
            ? new BrokerCapability(Capability, true, $"offset 1 sent with a committed transaction became {where}'s committed offset; offset 2 sent with an aborted one did not.")
            : new BrokerCapability(Capability, false, $"offset 2 sent with an aborted transaction changed {where}'s committed offset to {Describe(afterAbort)}; it must stay 1.");
    }

    private static async Task SendOffsetAsync(IProducer<string, string> producer, IConsumer<Ignore, Ignore> consumer, TopicPartition partition, long offset, bool commit)
    {
        producer.BeginTransaction();
        await producer.ProduceAsync(partition, new Message<string, string> { Key = "probe", Value = $"offset {offset}" }).ConfigureAwait(false);
        await Task.Run(() =>
        {
            producer.SendOffsetsToTransaction([new TopicPartitionOffset(partition, new Offset(offset))], consumer.ConsumerGroupMetadata, TimeSpan.FromSeconds(30));
            if (commit)
            {
                producer.CommitTransaction();
            }
            else
            {
                producer.AbortTransaction();
            }
        }).ConfigureAwait(false);
    }

    private static long WaitForCommitted(IConsumer<Ignore, Ignore> consumer, TopicPartition partition, long expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A real coordinator applies transactional offsets once the commit markers are written, a moment after the commit returns.
        var clock = Stopwatch.StartNew();
        long committed;
        while ((committed = Committed(consumer, partition)) != expected && clock.Elapsed < timeout)
        {
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100));
            cancellationToken.ThrowIfCancellationRequested();
        }

        return committed;
    }

    private static long Committed(IConsumer<Ignore, Ignore> consumer, TopicPartition partition) =>
        consumer.Committed([partition], TimeSpan.FromSeconds(10)).Single().Offset.Value;

    private static string Describe(long offset) => offset < 0 ? $"unset ({offset})" : offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
