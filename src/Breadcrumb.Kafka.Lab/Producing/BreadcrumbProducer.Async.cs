using Breadcrumb.Kafka.Lab.Producing;
using Breadcrumb.Kafka.Producing;

namespace Breadcrumb.Kafka.Lab;

/// <content>Awaited sends and flushing.</content>
public sealed partial class BreadcrumbProducer
{
    /// <summary>Sends one record and completes with its delivery report.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Stops waiting for the report (the record may still be delivered; it is counted either way).</param>
    /// <returns>The report: delivered with partition and offset, or failed with <see cref="DeliveryReport.Error"/> set.
    /// A delivery failure does not throw. Await each returned task exactly once.</returns>
    /// <remarks>
    /// <para>Awaiting each send before the next costs one broker round trip plus <c>linger.ms</c> (0 by default)
    /// per record. For throughput start many sends, then await them: they share batches.</para>
    /// <para>Continuations never run on librdkafka's threads.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The <see cref="ExplicitPartition"/> cannot place the record's key.</exception>
    /// <exception cref="BreadcrumbProduceException">The client refused the record, the queue stayed full, or the producer hit a fatal error.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="ObjectDisposedException">The producer was disposed.</exception>
    public ValueTask<DeliveryReport> SendAsync(BreadcrumbRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ThrowIfUnusable();
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<DeliveryReport>(cancellationToken);
        }

        var key = NextKey(record);
        var awaiter = awaiters.Rent();
        awaiter.Start(key, cancellationToken);
        ValueTask sent;
        try
        {
            sent = SendKeyedAsync(record, key, awaiter.Handler, null, cancellationToken);
        }
        catch
        {
            awaiter.Abandon();
            throw;
        }

        return sent.IsCompletedSuccessfully ? awaiter.Task : AwaitQueuedAsync(sent, awaiter);
    }

    /// <summary>Waits until every record sent so far has a delivery report (the lab's <c>producer.flush()</c>).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when nothing is queued or in flight.</returns>
    /// <remarks>Flushing sends queued records at once, even if <c>linger.ms</c> has not passed. It runs librdkafka's
    /// blocking flush on a thread-pool thread; delivery reports may be raised on that thread.</remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="InvalidOperationException">The <see cref="BreadcrumbProducerOptions.DeliveryReports"/> handler threw.</exception>
    /// <exception cref="BreadcrumbProduceException">The producer hit a fatal error.</exception>
    /// <exception cref="ObjectDisposedException">The producer was disposed.</exception>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        return Task.Run(
            () =>
            {
                client.Flush(cancellationToken);
                ThrowIfReportHandlerFailed();
                ThrowIfUnusable();
            },
            cancellationToken);
    }

    private static async ValueTask<DeliveryReport> AwaitQueuedAsync(ValueTask sent, DeliveryAwaiter awaiter)
    {
        try
        {
            await sent.ConfigureAwait(false);
        }
        catch
        {
            awaiter.Abandon();
            throw;
        }

        return await awaiter.Task.ConfigureAwait(false);
    }
}
