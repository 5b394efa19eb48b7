using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab.Transactions.Client;

/// <summary>The transactional producer calls <see cref="TransactionalBatchProducer"/> makes; a seam so error handling is unit-testable.</summary>
/// <remarks>All methods but <see cref="ProduceAsync"/> may block; callers run them off the caller's context.</remarks>
internal interface ITransactionalClient : IDisposable
{
    void InitTransactions(TimeSpan timeout);

    void BeginTransaction();

    Task<TransactionRecord> ProduceAsync(string topic, string? key, byte[] value);

    void SendOffsetsToTransaction(IEnumerable<TopicPartitionOffset> offsets, IConsumerGroupMetadata groupMetadata, TimeSpan timeout);

    void CommitTransaction();

    void AbortTransaction();
}
