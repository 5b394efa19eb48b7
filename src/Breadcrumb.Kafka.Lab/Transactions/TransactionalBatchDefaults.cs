namespace Breadcrumb.Kafka.Lab.Transactions;

/// <summary>Defaults of <see cref="TransactionalBatchOptions"/>, from the lab's section I.</summary>
internal static class TransactionalBatchDefaults
{
    /// <summary>Records per transaction.</summary>
    public const int BatchSize = 100;

    /// <summary>Records per transaction in the lab.</summary>
    public const int LabBatchSize = 4;

    /// <summary>Retries of a transactional call that failed with a retriable error.</summary>
    public const int MaxRetries = 3;

    public const int MaxBatchSize = 100_000;

    /// <summary>Wait between writing a batch and deciding its fate in the lab.</summary>
    public static readonly TimeSpan LabDecisionDelay = TimeSpan.FromSeconds(2);

    /// <summary>librdkafka's <c>transaction.timeout.ms</c> default.</summary>
    public static readonly TimeSpan TransactionTimeout = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan InitTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan RetryBackoff = TimeSpan.FromMilliseconds(100);
}
