using Breadcrumb.Kafka.Logging;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Testing;

/// <summary>
/// Asks a broker "does a second producer that initializes the same transactional.id fence the first?" by doing it:
/// the first producer then tries to commit one record.
/// </summary>
/// <remarks>
/// librdkafka's mock cluster (which the embedded broker replaced) answers "no": its InitProducerId gives every new producer a new producer id instead of
/// bumping the epoch of the transactional id's existing one, so the first producer goes on committing.
/// </remarks>
public static class TransactionalFencingProbe
{
    /// <summary>The capability this probe checks.</summary>
    public const string Capability = "fences a producer when another starts with its transactional.id";

    /// <summary>Probes an embedded cluster on a fresh one-partition topic.</summary>
    /// <param name="cluster">The cluster.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>Whether the first producer was fenced, and what happened.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cluster"/> is <see langword="null"/>.</exception>
    public static Task<BrokerCapability> RunAsync(EmbeddedKafkaCluster cluster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var topic = $"breadcrumb-probe-fence-{Guid.NewGuid():N}";
        cluster.CreateTopic(topic, 1);
        return RunAsync(cluster.Connection, topic, cancellationToken);
    }

    /// <summary>Probes any broker on an existing topic; at most one record is committed to its partition 0.</summary>
    /// <param name="connection">Where to connect.</param>
    /// <param name="topic">An existing topic with at least one partition, used only for probing.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>Whether the first producer was fenced, and what happened.</returns>
    /// <exception cref="KafkaException">A producer could not initialize transactions.</exception>
    public static async Task<BrokerCapability> RunAsync(KafkaConnection connection, string topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        TopicNames.Validate(topic);
        var config = connection.CreateProducerConfig();
        config.TransactionalId = $"breadcrumb-probe-{Guid.NewGuid():N}";
        var logger = connection.CreateLogger("Breadcrumb.Kafka.Testing.TransactionalFencingProbe");
        using var first = new ProducerBuilder<string, string>(config).WithLogging(logger).Build();
        using var second = new ProducerBuilder<string, string>(config).WithLogging(logger).Build();
        await Task.Run(() => first.InitTransactions(TimeSpan.FromSeconds(30)), cancellationToken).ConfigureAwait(false);
        await Task.Run(() => second.InitTransactions(TimeSpan.FromSeconds(30)), cancellationToken).ConfigureAwait(false);

        try
        {
            first.BeginTransaction();
            await first.ProduceAsync(new TopicPartition(topic, 0), new Message<string, string> { Key = "probe", Value = "zombie" }, cancellationToken)
                .ConfigureAwait(false);
            await Task.Run(first.CommitTransaction, cancellationToken).ConfigureAwait(false);
        }
        catch (KafkaException ex)
        {
            return new BrokerCapability(
                Capability, true, $"the first producer's next transaction failed with {ex.Error.Code} ({ex.Error.Reason}) once the second initialized.");
        }

        return new BrokerCapability(
            Capability,
            false,
            $"after a second producer initialized transactional.id '{config.TransactionalId}', the first still committed a transaction to '{topic}' [0] "
            + "(librdkafka's mock cluster, for one, gives each new producer a new producer id instead of bumping the epoch of the existing one).");
    }
}
