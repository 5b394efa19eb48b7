using Breadcrumb.Kafka.Broker.Topics;

namespace Breadcrumb.Kafka.Broker.Transactions;

/// <summary>The states of a transactional id, named as DescribeTransactions and ListTransactions print them.</summary>
internal enum TransactionStatus
{
    Empty,
    Ongoing,
    PrepareCommit,
    PrepareAbort,
    CompleteCommit,
    CompleteAbort,
    Dead,
    PrepareEpochFence,
}

/// <summary>One transactional id: its producer id and epoch, and its open transaction's partitions and groups.</summary>
internal sealed class TransactionState(string transactionalId, long producerId)
{
    public string TransactionalId { get; } = transactionalId;

    public long ProducerId { get; set; } = producerId;

    public short ProducerEpoch { get; set; }

    /// <summary>Gets or sets the epoch before the last bump, so a producer retrying its InitProducerId is recognised.</summary>
    public short LastProducerEpoch { get; set; } = -1;

    public int TimeoutMs { get; set; }

    public TransactionStatus Status { get; set; } = TransactionStatus.Empty;

    public long StartTimeMs { get; set; } = -1;

    public HashSet<(TopicState Topic, int Partition)> Partitions { get; } = [];

    public HashSet<string> Groups { get; } = new(StringComparer.Ordinal);
}
