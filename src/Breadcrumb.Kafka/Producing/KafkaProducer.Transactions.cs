using Confluent.Kafka;

namespace Breadcrumb.Kafka.Producing;

/// <content>Kafka transactions, for a producer with a <see cref="KafkaProducerOptions{TKey, TValue}.TransactionalId"/>.</content>
public sealed partial class KafkaProducer<TKey, TValue>
{
    private int transactionsReady;

    /// <summary>Starts a transaction; the first call registers the transactional id with the coordinator (fencing older producers with the same id).</summary>
    /// <param name="cancellationToken">Stops waiting for the coordinator.</param>
    /// <returns>A task that completes when the transaction has begun.</returns>
    /// <remarks>Then send records, optionally <see cref="SendOffsetsToTransactionAsync"/> for consume-transform-produce,
    /// and <see cref="CommitTransactionAsync"/> or <see cref="AbortTransactionAsync"/>.</remarks>
    /// <exception cref="InvalidOperationException">The producer has no transactional id.</exception>
    /// <exception cref="KafkaException">The coordinator refused (for example this producer was fenced).</exception>
    public Task BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfNotTransactional();
        return calls.RunAsync(
            () =>
            {
                if (Volatile.Read(ref transactionsReady) == 0)
                {
                    client.InitTransactions(ProducerDefaults.TransactionTimeout);
                    Volatile.Write(ref transactionsReady, 1);
                }

                client.BeginTransaction();
            },
            cancellationToken);
    }

    /// <summary>Adds consumed offsets to the open transaction: they are committed for the consumer's group only if the transaction commits.</summary>
    /// <param name="offsets">The next offsets to read per partition (a handled record's offset + 1; see <c>KafkaRecord.NextOffset</c>).</param>
    /// <param name="groupMetadata">The consumer's group metadata (<c>KafkaConsumer.GroupMetadata</c>), which fences zombie members.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the coordinator accepted the offsets.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="offsets"/> or <paramref name="groupMetadata"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The producer has no transactional id.</exception>
    /// <exception cref="KafkaException">The coordinator refused; abort the transaction.</exception>
    public Task SendOffsetsToTransactionAsync(
        IEnumerable<TopicPartitionOffset> offsets, IConsumerGroupMetadata groupMetadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(groupMetadata);
        ThrowIfNotTransactional();
        var list = offsets.ToList();
        return calls.RunAsync(() => client.SendOffsetsToTransaction(list, groupMetadata, ProducerDefaults.TransactionTimeout), cancellationToken);
    }

    /// <summary>Commits the open transaction: its records and offsets become visible to read_committed consumers.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the transaction committed.</returns>
    /// <exception cref="InvalidOperationException">The producer has no transactional id.</exception>
    /// <exception cref="KafkaException">The commit failed; abort (when abortable) or dispose the producer (when fatal).</exception>
    public Task CommitTransactionAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfNotTransactional();
        return calls.RunAsync(() => client.CommitTransaction(ProducerDefaults.TransactionTimeout), cancellationToken);
    }

    /// <summary>Aborts the open transaction: its records are never shown to read_committed consumers.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the transaction was aborted.</returns>
    /// <exception cref="InvalidOperationException">The producer has no transactional id.</exception>
    /// <exception cref="KafkaException">The abort failed (the producer is then unusable).</exception>
    public Task AbortTransactionAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfNotTransactional();
        return calls.RunAsync(() => client.AbortTransaction(ProducerDefaults.TransactionTimeout), cancellationToken);
    }

    private void ThrowIfNotTransactional()
    {
        ThrowIfUnusable();
        if (settings.TransactionalId is null)
        {
            throw new InvalidOperationException(
                $"Producer '{Name}' is not transactional: set {settings.OptionsName}.TransactionalId to use transactions.");
        }
    }
}
