using Breadcrumb.Kafka.Lab.Producing;
using Breadcrumb.Kafka.Producing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <content>The lab's send loop: one record at a time, flush policy, pacing, run summary.</content>
public sealed partial class BreadcrumbProducer
{
    /// <summary>
    /// Sends records one at a time, asking <see cref="BreadcrumbProducerOptions.FlushPolicy"/> after each send and
    /// waiting as <see cref="BreadcrumbProducerOptions.DelayAfterEachSend"/> and <see cref="BreadcrumbProducerOptions.Pause"/> say;
    /// flushes at the end unless the policy is <see cref="FlushPolicy.Never"/>.
    /// </summary>
    /// <param name="records">The records, e.g. a <c>BreadcrumbFile</c> stream.</param>
    /// <param name="cancellationToken">Stops the run between records and during waits.</param>
    /// <returns>The run's summary: sent, delivered, failed, first and last offset per partition. Complete unless the
    /// policy is <see cref="FlushPolicy.Never"/>, when records still in flight show as <see cref="ProduceRunSummary.Pending"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An item is <see langword="null"/>, or the <see cref="ExplicitPartition"/> cannot place a key.</exception>
    /// <exception cref="BreadcrumbProduceException">The client refused a record, the queue stayed full, or the producer hit a fatal error.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="ObjectDisposedException">The producer was disposed.</exception>
    public Task<ProduceRunSummary> ProduceAllAsync(IAsyncEnumerable<BreadcrumbRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        inner.ThrowIfUnusable();
        var run = new Run(this);
        return run.CompleteAsync(run.Loop.RunAsync(records, cancellationToken));
    }

    /// <inheritdoc cref="ProduceAllAsync(IAsyncEnumerable{BreadcrumbRecord}, CancellationToken)"/>
    public Task<ProduceRunSummary> ProduceAllAsync(IEnumerable<BreadcrumbRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        inner.ThrowIfUnusable();
        ThrowIfAnyNull(records);
        var run = new Run(this);
        return run.CompleteAsync(run.Loop.RunAsync(records, cancellationToken));
    }

    /// <summary>Rejects a materialized collection holding null before its first record is sent (issue 9: nothing sent half-way).</summary>
    private static void ThrowIfAnyNull(IEnumerable<BreadcrumbRecord> records)
    {
        if (records is not (ICollection<BreadcrumbRecord> or IReadOnlyCollection<BreadcrumbRecord>))
        {
            return;
        }

        var position = 0;
        foreach (var record in records)
        {
            if (record is null)
            {
                throw new ArgumentException(
                    $"The records to produce contain null at position {position}; every item must be a BreadcrumbRecord. Nothing was sent.", nameof(records));
            }

            position++;
        }
    }

        /// <summary>One run: its own tracker and delivery handler, so concurrent runs never mix their counts.</summary>
    private sealed class Run : IProduceTarget
    {
        private readonly BreadcrumbProducer owner;
        private readonly DeliveryTracker tracker;
        private readonly Action<Confluent.Kafka.DeliveryReport<byte[], byte[]>> handler;

        public Run(BreadcrumbProducer owner)
        {
            this.owner = owner;
            tracker = new DeliveryTracker(owner.settings.Name, owner.settings.Topic);
            handler = owner.inner.HandlerFor(tracker);
            Loop = new ProduceLoop(this, owner.settings.FlushPolicy, owner.settings.Pacing, owner.settings.TimeProvider);
        }

        public ProduceLoop Loop { get; }

        public async Task<ProduceRunSummary> CompleteAsync(Task loop)
        {
            await loop.ConfigureAwait(false);
            return tracker.Snapshot();
        }

        public ValueTask SendAsync(BreadcrumbRecord record, CancellationToken cancellationToken)
        {
            var key = owner.NextKey(record);
            return owner.inner.SendAsync(key, record, owner.settings.Partition?.PartitionFor(key), null, handler, tracker, cancellationToken);
        }

        public Task FlushAsync(CancellationToken cancellationToken) => owner.FlushAsync(cancellationToken);
    }
}
