namespace Breadcrumb.Kafka.Lab;

/// <summary>Summarizes a run of transactional batches: how many committed and aborted, and which records each topic got.</summary>
/// <remarks>Immutable. Failed batches were aborted too: their records count as aborted.</remarks>
public sealed class TransactionRunSummary
{
    /// <summary>Initializes a new instance of the <see cref="TransactionRunSummary"/> class from batch results.</summary>
    /// <param name="batches">The batch results, in the order they ran.</param>
    /// <param name="topics">Topics to list even if no record reached them; <see langword="null"/> for only those with records.</param>
    /// <exception cref="ArgumentNullException"><paramref name="batches"/> is <see langword="null"/>.</exception>
    public TransactionRunSummary(IEnumerable<TransactionBatchResult> batches, IEnumerable<string>? topics = null)
    {
        ArgumentNullException.ThrowIfNull(batches);
        Batches = [.. batches];
        CommittedRecords = [.. Batches.Where(b => b.IsCommitted).SelectMany(b => b.Records)];
        AbortedRecords = [.. Batches.Where(b => !b.IsCommitted).SelectMany(b => b.Records)];

        var names = new List<string>(topics ?? []);
        names.AddRange(Batches.SelectMany(b => b.Records).Select(r => r.Topic));
        Topics = names.Distinct(StringComparer.Ordinal).ToDictionary(
            t => t,
            t => new TopicTransactionCounts(t, CommittedRecords.Count(r => r.Topic == t), AbortedRecords.Count(r => r.Topic == t)),
            StringComparer.Ordinal);
    }

    /// <summary>Gets every batch result, in run order.</summary>
    public IReadOnlyList<TransactionBatchResult> Batches { get; }

    /// <summary>Gets the number of batches run.</summary>
    public int BatchCount => Batches.Count;

    /// <summary>Gets the number of committed batches.</summary>
    public int CommittedBatches => Batches.Count(b => b.Outcome == TransactionOutcome.Committed);

    /// <summary>Gets the number of batches the decision aborted.</summary>
    public int AbortedBatches => Batches.Count(b => b.Outcome == TransactionOutcome.Aborted);

    /// <summary>Gets the number of batches an error aborted.</summary>
    public int FailedBatches => Batches.Count(b => b.Outcome == TransactionOutcome.Failed);

    /// <summary>Gets the records of committed batches: what a read_committed consumer must see, each once.</summary>
    public IReadOnlyList<TransactionRecord> CommittedRecords { get; }

    /// <summary>Gets the records of aborted and failed batches: what a read_committed consumer must never see.</summary>
    public IReadOnlyList<TransactionRecord> AbortedRecords { get; }

    /// <summary>Gets the counts per topic, keyed by topic name.</summary>
    public IReadOnlyDictionary<string, TopicTransactionCounts> Topics { get; }

    /// <summary>Returns a one-line summary.</summary>
    /// <returns>For example <c>20 batches: 11 committed (44 records), 9 aborted, 0 failed (36 records)</c>.</returns>
    public override string ToString() =>
        $"{BatchCount} batches: {CommittedBatches} committed ({CommittedRecords.Count} records), "
        + $"{AbortedBatches} aborted, {FailedBatches} failed ({AbortedRecords.Count} records)";
}
