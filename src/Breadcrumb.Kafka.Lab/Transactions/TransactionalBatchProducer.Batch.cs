using System.Runtime.ExceptionServices;
using System.Text.Json;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <content>Runs one batch: begin, write, wait, decide, commit or abort.</content>
public sealed partial class TransactionalBatchProducer
{
    /// <summary>Runs one batch in its own transaction: begin, write the records, wait, then commit or abort as the decision says.</summary>
    /// <param name="records">1 to <see cref="BatchSize"/> records; the first go to the first topic, as the options split them.</param>
    /// <param name="cancellationToken">Cancels the batch; an open transaction is aborted before the cancellation is thrown.</param>
    /// <returns>The outcome and where each record was written.</returns>
    /// <exception cref="ArgumentException"><paramref name="records"/> is empty or longer than <see cref="BatchSize"/>.</exception>
    /// <exception cref="TransactionalProducerFatalException">The producer was fenced or failed fatally during this batch.</exception>
    /// <exception cref="InvalidOperationException">The producer failed fatally before.</exception>
    /// <exception cref="ObjectDisposedException">The producer was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<TransactionBatchResult> RunBatchAsync(IReadOnlyList<BreadcrumbRecord> records, CancellationToken cancellationToken = default) =>
        RunBatchCoreAsync(records, null, null, cancellationToken);

    /// <summary>
    /// Runs one batch of a consume-transform-produce loop: as <see cref="RunBatchAsync(IReadOnlyList{BreadcrumbRecord}, CancellationToken)"/>,
    /// and the consumer's offsets join the transaction, so the group's position moves only if the batch commits.
    /// </summary>
    /// <param name="records">1 to <see cref="BatchSize"/> records.</param>
    /// <param name="groupMetadata">The consumer's <see cref="IConsumer{TKey, TValue}.ConsumerGroupMetadata"/>.</param>
    /// <param name="consumerOffsets">The next offset to consume per partition (last processed + 1). The consumer must not auto-commit.</param>
    /// <param name="cancellationToken">Cancels the batch; an open transaction is aborted first.</param>
    /// <returns>The outcome, where each record was written, and the offsets sent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groupMetadata"/> or <paramref name="consumerOffsets"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="records"/> is empty or longer than <see cref="BatchSize"/>.</exception>
    /// <exception cref="TransactionalProducerFatalException">The producer was fenced or failed fatally during this batch.</exception>
    /// <exception cref="InvalidOperationException">The producer failed fatally before.</exception>
    /// <exception cref="ObjectDisposedException">The producer was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<TransactionBatchResult> RunBatchAsync(
        IReadOnlyList<BreadcrumbRecord> records,
        IConsumerGroupMetadata groupMetadata,
        IEnumerable<TopicPartitionOffset> consumerOffsets,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupMetadata);
        ArgumentNullException.ThrowIfNull(consumerOffsets);
        return RunBatchCoreAsync(records, groupMetadata, [.. consumerOffsets], cancellationToken);
    }

    private async Task<TransactionBatchResult> RunBatchCoreAsync(
        IReadOnlyList<BreadcrumbRecord> records,
        IConsumerGroupMetadata? groupMetadata,
        IReadOnlyList<TopicPartitionOffset>? consumerOffsets,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0 || records.Count > BatchSize)
        {
            throw new ArgumentException(
                $"A batch holds 1 to {BatchSize} records ({nameof(TransactionalBatchOptions)}.{nameof(TransactionalBatchOptions.BatchSize)}); got {records.Count}.",
                nameof(records));
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfUnusable();
            await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
            var number = ++batchNumber;
            await CallAsync("BeginTransaction", c => c.BeginTransaction(), cancellationToken).ConfigureAwait(false);

            var written = new List<TransactionRecord>(records.Count);
            try
            {
                await WriteAsync(records, written).ConfigureAwait(false);
                if (groupMetadata is not null && consumerOffsets is not null)
                {
                    await CallAsync(
                        "SendOffsetsToTransaction",
                        c => c.SendOffsetsToTransaction(consumerOffsets, groupMetadata, initTimeout),
                        cancellationToken).ConfigureAwait(false);
                }

                await Task.Delay(decisionDelay, timeProvider, cancellationToken).ConfigureAwait(false);
                var commit = decision.ShouldCommit(new TransactionDecisionContext(number, written.AsReadOnly()));
                if (commit)
                {
                    await CallAsync("CommitTransaction", c => c.CommitTransaction(), cancellationToken).ConfigureAwait(false);
                    return Result(number, TransactionOutcome.Committed, written, $"committed: {decision} said commit", null, consumerOffsets);
                }

                await AbortAsync().ConfigureAwait(false);
                return Result(number, TransactionOutcome.Aborted, written, $"aborted: {decision} said abort", null, consumerOffsets);
            }
            catch (TransactionalProducerFatalException)
            {
                throw;
            }
            catch (KafkaException ex) when (IsFatal(ex.Error))
            {
                throw Fail(ex.Error, ex);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await AbortAsync().ConfigureAwait(false);
                throw;
            }
#pragma warning disable CA1031 // Whatever fails inside a batch aborts that batch and is reported in its result, not thrown.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                await AbortAsync().ConfigureAwait(false);
                var kind = ex is KafkaTxnRequiresAbortException ? "an abortable Kafka error" : ex.GetType().Name;
                return Result(number, TransactionOutcome.Failed, written, $"aborted after {kind}: {ex.Message}", ex, consumerOffsets);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static TransactionBatchResult Result(
        int number, TransactionOutcome outcome, List<TransactionRecord> written, string reason, Exception? error, IReadOnlyList<TopicPartitionOffset>? offsets) =>
        new(number, outcome, written.AsReadOnly(), reason, error) { ConsumerOffsets = offsets ?? [] };

    private async Task WriteAsync(IReadOnlyList<BreadcrumbRecord> records, List<TransactionRecord> written)
    {
        var deliveries = new List<Task<TransactionRecord>>(records.Count);
        Exception? failure = null;
        try
        {
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i] ?? throw new ArgumentException($"Record {i} of the batch is null.", nameof(records));
                var key = keySelector?.Invoke(record);
                var value = JsonSerializer.SerializeToUtf8Bytes(record, BreadcrumbJsonContext.Default.BreadcrumbRecord);
                deliveries.Add(client.ProduceAsync(topicOfIndex[i], key, value));
            }
        }
#pragma warning disable CA1031 // Stored and rethrown below, once the records already sent are accounted for.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex;
        }

        // Await every record already handed to the producer before aborting, so the result says where each one went.
        foreach (var delivery in deliveries)
        {
            try
            {
                written.Add(await delivery.ConfigureAwait(false));
            }
#pragma warning disable CA1031 // Stored and rethrown below.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure ??= ex;
            }
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private async Task AbortAsync()
    {
        try
        {
            // Not cancellable: leaving a transaction open would block read_committed consumers until it times out.
            await CallAsync("AbortTransaction", c => c.AbortTransaction(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (KafkaException ex) when (ex is not TransactionalProducerFatalException)
        {
            throw Fail(new Error(ex.Error.Code, $"could not abort the open transaction: {ex.Error.Reason}", isFatal: true), ex);
        }
    }
}
