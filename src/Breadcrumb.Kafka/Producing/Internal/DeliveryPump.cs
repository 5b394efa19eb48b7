using System.Threading.Channels;

namespace Breadcrumb.Kafka.Producing;

/// <summary>
/// Runs an asynchronous delivery callback off librdkafka's thread: reports are queued in the order they arrive and
/// awaited one at a time; <see cref="DrainAsync"/> completes once everything queued before it was handled.
/// </summary>
internal sealed class DeliveryPump<TKey>
{
    private readonly Channel<object> queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<DeliveryReport<TKey>, CancellationToken, ValueTask> callback;
    private readonly Action<Exception> onFailure;
    private readonly Task pump;

    public DeliveryPump(Func<DeliveryReport<TKey>, CancellationToken, ValueTask> callback, Action<Exception> onFailure)
    {
        this.callback = callback;
        this.onFailure = onFailure;
        pump = Task.Run(RunAsync);
    }

    /// <summary>Queues a report; never blocks librdkafka's thread.</summary>
    public void Post(DeliveryReport<TKey> report) => queue.Writer.TryWrite(report);

    /// <summary>Completes when every report posted so far has been handed to the callback and awaited.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (queue.Writer.TryWrite(marker))
        {
            await marker.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Handles what is queued, then stops.</summary>
    public async Task CompleteAsync()
    {
        queue.Writer.TryComplete();
        await pump.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        await foreach (var item in queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (item is TaskCompletionSource marker)
            {
                marker.TrySetResult();
                continue;
            }

            try
            {
                // No token cancels a callback: dispose waits for every report to be handled.
                await callback((DeliveryReport<TKey>)item, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A callback's exception is kept and rethrown by the next flush, as for OnDelivery.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                onFailure(ex);
            }
        }
    }
}
