using Breadcrumb.Kafka.Lab.Transactions;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Configures a <see cref="TransactionalBatchProducer"/>: which transactional id, which topics, how a batch is split, and how it ends.</summary>
/// <remarks>The producer copies the options when it is created; later changes have no effect on it.</remarks>
public sealed class TransactionalBatchOptions
{
    /// <summary>Gets or sets the <c>transactional.id</c>. Required.</summary>
    /// <value>No default. Give each producer instance a stable id: a second producer started with the same id fences this one.</value>
    public string TransactionalId { get; set; } = string.Empty;

    /// <summary>Gets the topics a batch is written to, in order. At least one is required.</summary>
    /// <value>Empty by default. The lab's step 9 uses two topics.</value>
    public IList<string> Topics { get; } = new List<string>();

    /// <summary>Gets or sets how many records each transaction holds.</summary>
    /// <value>The default is 100; the lab's 4 comes with <see cref="LabPreset"/>. Must be between 1 and 100,000.</value>
    public int BatchSize
    {
        get => batchSize ?? TransactionalBatchDefaults.BatchSize;
        set => batchSize = value;
    }

    /// <summary>
    /// Gets how many records of each batch go to each topic, in <see cref="Topics"/> order; the first records of a batch
    /// go to the first topic. Empty (the default) splits <see cref="BatchSize"/> evenly, the first topics taking any remainder.
    /// </summary>
    /// <value>Empty by default. The lab's step 9 is <c>{ 2, 2 }</c>. When set, one count per topic, each at least 1, summing to <see cref="BatchSize"/>.</value>
    public IList<int> RecordsPerTopic { get; } = new List<int>();

    /// <summary>Gets or sets how long an open transaction waits, after its records are written, before the decision.</summary>
    /// <value>The default is zero (no wait); the lab's 2 seconds come with <see cref="LabPreset"/>. Measured on <see cref="TimeProvider"/>.</value>
    public TimeSpan DecisionDelay
    {
        get => decisionDelay ?? TimeSpan.Zero;
        set => decisionDelay = value;
    }

    private int? batchSize;

    private TimeSpan? decisionDelay;

    /// <summary>Fills the lab's defaults into what the caller left unset (see <see cref="LabPreset"/>).</summary>
    internal void ApplyLabDefaults()
    {
        batchSize ??= TransactionalBatchDefaults.LabBatchSize;
        decisionDelay ??= TransactionalBatchDefaults.LabDecisionDelay;
    }

    /// <summary>Gets or sets what decides commit or abort.</summary>
    /// <value>The default is <see cref="TransactionDecision.AlwaysCommit"/>; the lab uses <see cref="TransactionDecision.CoinFlip"/>.</value>
    public ITransactionDecision Decision { get; set; } = TransactionDecision.AlwaysCommit;

    /// <summary>Gets or sets the function that picks each record's key; an exception it throws fails that batch.</summary>
    /// <value>The default is <see langword="null"/>: records have no key and the partitioner spreads them.</value>
    public Func<BreadcrumbRecord, string?>? KeySelector { get; set; }

    /// <summary>Gets or sets the clock the decision wait and retry back-off run on.</summary>
    /// <value>The default is <see cref="System.TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets <c>transaction.timeout.ms</c>: how long the coordinator lets a transaction stay open before aborting it.</summary>
    /// <value>The default is 60 seconds. Must exceed <see cref="DecisionDelay"/> and be at most 15 minutes (Kafka's default <c>transaction.max.timeout.ms</c>).</value>
    public TimeSpan TransactionTimeout { get; set; } = TransactionalBatchDefaults.TransactionTimeout;

    /// <summary>Gets or sets how long <see cref="TransactionalBatchProducer.InitAsync"/> may wait for the transaction coordinator.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan InitTimeout { get; set; } = TransactionalBatchDefaults.InitTimeout;

    /// <summary>Gets or sets how many times a transactional call that failed with a retriable error is called again.</summary>
    /// <value>The default is 3. Must be between 0 and 100.</value>
    public int MaxRetries { get; set; } = TransactionalBatchDefaults.MaxRetries;

    /// <summary>Gets or sets the wait before each retry.</summary>
    /// <value>The default is 100 ms.</value>
    public TimeSpan RetryBackoff { get; set; } = TransactionalBatchDefaults.RetryBackoff;

    internal static string Name(string option) => $"{nameof(TransactionalBatchOptions)}.{option}";

    /// <summary>Checks every option and returns how many records of a full batch go to each topic.</summary>
    internal int[] ValidateAndResolveSplit()
    {
        if (string.IsNullOrWhiteSpace(TransactionalId))
        {
            throw new ArgumentException(
                $"{Name(nameof(TransactionalId))} is empty: give the producer a stable transactional id, e.g. 'breadcrumb-tx-1'.", nameof(TransactionalId));
        }

        if (Topics.Count == 0)
        {
            throw new ArgumentException($"{Name(nameof(Topics))} is empty: add the topic (or topics) each batch is written to.", nameof(Topics));
        }

        foreach (var topic in Topics)
        {
            TopicNames.Validate(topic, Name(nameof(Topics)));
        }

        Require(BatchSize is >= 1 and <= TransactionalBatchDefaults.MaxBatchSize, nameof(BatchSize), $"between 1 and {TransactionalBatchDefaults.MaxBatchSize:N0}", BatchSize);
        Require(Topics.Count <= BatchSize, nameof(Topics), $"at most {Name(nameof(BatchSize))} ({BatchSize}) topics, one record each at least", Topics.Count);
        Require(DecisionDelay >= TimeSpan.Zero, nameof(DecisionDelay), "zero or more", DecisionDelay);
        Require(
            TransactionTimeout > DecisionDelay && TransactionTimeout <= TimeSpan.FromMinutes(15),
            nameof(TransactionTimeout),
            $"longer than {Name(nameof(DecisionDelay))} ({DecisionDelay}) and at most 15 minutes",
            TransactionTimeout);
        Require(InitTimeout > TimeSpan.Zero, nameof(InitTimeout), "positive", InitTimeout);
        Require(MaxRetries is >= 0 and <= 100, nameof(MaxRetries), "between 0 and 100", MaxRetries);
        Require(RetryBackoff >= TimeSpan.Zero, nameof(RetryBackoff), "zero or more", RetryBackoff);
        if (Decision is null)
        {
            throw new ArgumentNullException(nameof(Decision), $"{Name(nameof(Decision))} is null: use e.g. TransactionDecision.CoinFlip(seed).");
        }

        if (TimeProvider is null)
        {
            throw new ArgumentNullException(nameof(TimeProvider), $"{Name(nameof(TimeProvider))} is null: use TimeProvider.System.");
        }

        return ResolveSplit();
    }

    private int[] ResolveSplit()
    {
        if (RecordsPerTopic.Count == 0)
        {
            var split = new int[Topics.Count];
            for (var i = 0; i < split.Length; i++)
            {
                split[i] = (BatchSize / Topics.Count) + (i < BatchSize % Topics.Count ? 1 : 0);
            }

            return split;
        }

        var counts = string.Join(", ", RecordsPerTopic);
        if (RecordsPerTopic.Count != Topics.Count || RecordsPerTopic.Any(c => c < 1) || RecordsPerTopic.Sum() != BatchSize)
        {
            throw new ArgumentException(
                $"{Name(nameof(RecordsPerTopic))} must give one count of at least 1 per topic ({Topics.Count} topics) summing to "
                + $"{Name(nameof(BatchSize))} ({BatchSize}) (was {{ {counts} }}); leave it empty to split evenly.",
                nameof(RecordsPerTopic));
        }

        return [.. RecordsPerTopic];
    }

    private static void Require(bool ok, string option, string rule, object value)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(option, value, $"{Name(option)} must be {rule} (was {value}).");
        }
    }
}
