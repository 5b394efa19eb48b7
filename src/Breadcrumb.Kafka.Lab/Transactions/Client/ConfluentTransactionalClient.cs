using Breadcrumb.Kafka.Logging;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab.Transactions.Client;

/// <summary>Confluent.Kafka's transactional producer behind <see cref="ITransactionalClient"/>.</summary>
internal sealed class ConfluentTransactionalClient : ITransactionalClient
{
    private readonly IProducer<string?, byte[]> producer;

    public ConfluentTransactionalClient(ProducerConfig config, Microsoft.Extensions.Logging.ILogger logger)
    {
        producer = new ProducerBuilder<string?, byte[]>(config).WithLogging(logger).Build();
    }

    public void InitTransactions(TimeSpan timeout) => producer.InitTransactions(timeout);

    public void BeginTransaction() => producer.BeginTransaction();

    public async Task<TransactionRecord> ProduceAsync(string topic, string? key, byte[] value)
    {
        var result = await producer.ProduceAsync(topic, new Message<string?, byte[]> { Key = key, Value = value }).ConfigureAwait(false);
        return new TransactionRecord(result.Topic, result.Partition.Value, result.Offset.Value, key);
    }

    public void SendOffsetsToTransaction(IEnumerable<TopicPartitionOffset> offsets, IConsumerGroupMetadata groupMetadata, TimeSpan timeout) =>
        producer.SendOffsetsToTransaction(offsets, groupMetadata, timeout);

    // Without a timeout Confluent blocks up to the remaining transaction timeout, which its docs recommend
    // because the timed overloads' handling is inconsistent with the protocol requests.
    public void CommitTransaction() => producer.CommitTransaction();

    public void AbortTransaction() => producer.AbortTransaction();

    public void Dispose() => producer.Dispose();
}
