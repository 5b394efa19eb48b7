namespace Breadcrumb.Kafka.Lab;

/// <summary>Says how one transactional batch ended.</summary>
public enum TransactionOutcome
{
    /// <summary>The decision said commit and the broker committed the transaction: read_committed consumers see its records.</summary>
    Committed,

    /// <summary>The decision said abort and the transaction was aborted: read_committed consumers never see its records.</summary>
    Aborted,

    /// <summary>An error inside the batch (a thrown exception or an abortable Kafka error) aborted the transaction; see <see cref="TransactionBatchResult.Error"/>.</summary>
    Failed,
}
