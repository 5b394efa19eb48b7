using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Reports how one transactional batch ended and where its records were written.</summary>
/// <param name="BatchNumber">The batch number, from 1, per producer.</param>
/// <param name="Outcome">Committed, aborted by the decision, or failed (aborted because of an error).</param>
/// <param name="Records">
/// The records the broker acknowledged in this transaction, in batch order. For a failed batch these are the records
/// written before the error; they were aborted with the transaction.
/// </param>
/// <param name="Reason">Why the batch ended this way, in words.</param>
/// <param name="Error">The error that failed the batch, or <see langword="null"/>.</param>
public sealed record TransactionBatchResult(
    int BatchNumber,
    TransactionOutcome Outcome,
    IReadOnlyList<TransactionRecord> Records,
    string Reason,
    Exception? Error = null)
{
    /// <summary>Gets the consumer offsets sent with this transaction (consume-transform-produce); empty when none were sent.</summary>
    /// <value>Committed to the consumer group only if <see cref="Outcome"/> is <see cref="TransactionOutcome.Committed"/>.</value>
    public IReadOnlyList<TopicPartitionOffset> ConsumerOffsets { get; init; } = [];

    /// <summary>Gets a value indicating whether the transaction committed.</summary>
    public bool IsCommitted => Outcome == TransactionOutcome.Committed;
}
