namespace Breadcrumb.Kafka.Lab;

/// <content>Runs many batches from a record source.</content>
public sealed partial class TransactionalBatchProducer
{
    /// <summary>Runs up to <paramref name="batchCount"/> batches of <see cref="BatchSize"/> records each, taken in order from <paramref name="records"/>.</summary>
    /// <param name="records">The record source; a shorter source ends the run early (its last batch may be partial).</param>
    /// <param name="batchCount">How many batches to run (lab: as many as wanted, e.g. 20); at least 1.</param>
    /// <param name="progress">Told of each batch result as it ends; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run; an open transaction is aborted first.</param>
    /// <returns>The counts of committed and aborted batches and records per topic.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchCount"/> is less than 1.</exception>
    /// <exception cref="TransactionalProducerFatalException">The producer was fenced or failed fatally.</exception>
    /// <exception cref="ObjectDisposedException">The producer was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TransactionRunSummary> RunAsync(
        IEnumerable<BreadcrumbRecord> records,
        int batchCount,
        IProgress<TransactionBatchResult>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchCount, 1);
        var results = new List<TransactionBatchResult>();
        foreach (var batch in records.Chunk(BatchSize).Take(batchCount))
        {
            results.Add(await RunOneAsync(batch, progress, cancellationToken).ConfigureAwait(false));
        }

        return new TransactionRunSummary(results, topics);
    }

    /// <summary>Runs up to <paramref name="batchCount"/> batches of <see cref="BatchSize"/> records each, taken in order from an asynchronous source.</summary>
    /// <param name="records">The record source, for example <c>BreadcrumbFile</c>'s stream; a shorter source ends the run early.</param>
    /// <param name="batchCount">How many batches to run; at least 1.</param>
    /// <param name="progress">Told of each batch result as it ends; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run and the source; an open transaction is aborted first.</param>
    /// <returns>The counts of committed and aborted batches and records per topic.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchCount"/> is less than 1.</exception>
    /// <exception cref="TransactionalProducerFatalException">The producer was fenced or failed fatally.</exception>
    /// <exception cref="ObjectDisposedException">The producer was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TransactionRunSummary> RunAsync(
        IAsyncEnumerable<BreadcrumbRecord> records,
        int batchCount,
        IProgress<TransactionBatchResult>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchCount, 1);
        var results = new List<TransactionBatchResult>();
        var batch = new List<BreadcrumbRecord>(BatchSize);

        // A batch is read whole before its transaction begins, so a slow or failing source never holds a transaction open.
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(record);
            if (batch.Count == BatchSize)
            {
                results.Add(await RunOneAsync([.. batch], progress, cancellationToken).ConfigureAwait(false));
                batch.Clear();
                if (results.Count == batchCount)
                {
                    break;
                }
            }
        }

        if (batch.Count > 0 && results.Count < batchCount)
        {
            results.Add(await RunOneAsync([.. batch], progress, cancellationToken).ConfigureAwait(false));
        }

        return new TransactionRunSummary(results, topics);
    }

    private async Task<TransactionBatchResult> RunOneAsync(BreadcrumbRecord[] batch, IProgress<TransactionBatchResult>? progress, CancellationToken cancellationToken)
    {
        var result = await RunBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        progress?.Report(result);
        return result;
    }
}
