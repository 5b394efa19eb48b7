using Breadcrumb.Kafka.Flushing;

namespace Breadcrumb.Kafka.Lab.Producing;

/// <summary>
/// Runs the lab's send loop: one record at a time, asking the <see cref="FlushPolicy"/> after each send, then
/// waiting as the pacing says, all on the injected <see cref="TimeProvider"/>. One instance per run.
/// </summary>
internal sealed class ProduceLoop(IProduceTarget target, FlushPolicy policy, Pacing pacing, TimeProvider timeProvider)
{
    private readonly FlushClock clock = new(timeProvider);

    /// <summary>Gets how many records this run has sent.</summary>
    public long Sent { get; private set; }

    public async Task RunAsync(IAsyncEnumerable<BreadcrumbRecord> records, CancellationToken cancellationToken)
    {
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await StepAsync(record, cancellationToken).ConfigureAwait(false);
        }

        await EndAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RunAsync(IEnumerable<BreadcrumbRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await StepAsync(record, cancellationToken).ConfigureAwait(false);
        }

        await EndAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask StepAsync(BreadcrumbRecord record, CancellationToken cancellationToken)
    {
        if (record is null)
        {
            throw new ArgumentException($"The records to produce contain null at position {Sent}; every item must be a BreadcrumbRecord.");
        }

        await target.SendAsync(record, cancellationToken).ConfigureAwait(false);
        Sent++;
        if (policy.ShouldFlush(clock.RecordSent()))
        {
            await target.FlushAsync(cancellationToken).ConfigureAwait(false);
            clock.RecordFlushed();
        }

        if (!pacing.IsNone && pacing.DelayAfter(Sent) is var delay && delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EndAsync(CancellationToken cancellationToken)
    {
        if (policy.FlushesAtEnd && clock.SentSinceLastFlush > 0)
        {
            await target.FlushAsync(cancellationToken).ConfigureAwait(false);
            clock.RecordFlushed();
        }
    }
}
