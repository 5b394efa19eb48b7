using Breadcrumb.Kafka.Flushing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Producing;

/// <content>Disposal: flush by policy, then report what never arrived as failed.</content>
public sealed partial class KafkaProducer<TKey, TValue>
{
    /// <summary>Flushes (unless the policy is <see cref="FlushPolicy.Never"/>) and closes the client; safe to call more than once.</summary>
    /// <returns>A task that completes when the client is closed.</returns>
    /// <remarks>Records not delivered by then are reported as failed (<see cref="ErrorCode.Local_PurgeQueue"/>) to
    /// <see cref="KafkaProducerOptions{TKey, TValue}.OnDelivery"/>, to awaiting <c>SendAsync</c> calls and in <see cref="GetSummary"/>.
    /// A <see cref="FlushAsync"/> in progress ends with <see cref="ObjectDisposedException"/>; a transaction call in progress is
    /// waited for: the client is closed only when no call is inside it.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await calls.CloseAsync().ConfigureAwait(false);

        // librdkafka's flush and destroy both block: keep them off the caller's thread.
        await Task.Run(DisposeCore).ConfigureAwait(false);
        calls.Dispose();
        if (pump is not null)
        {
            await pump.CompleteAsync().ConfigureAwait(false);
        }
    }

    private void DisposeCore()
    {
        try
        {
            if (settings.FlushPolicy.FlushesAtEnd && Volatile.Read(ref fatalError) is null)
            {
                client.Flush(settings.DisposeFlushTimeout);
            }
        }
        finally
        {
            client.Dispose();
        }

        // The client is closed: no report can arrive any more, so what is pending now is final.
        if (lifetime.Pending <= 0)
        {
            return;
        }

        var error = new Error(
            ErrorCode.Local_PurgeQueue,
            $"producer '{settings.Name}' was disposed (FlushPolicy {settings.FlushPolicy}) before this record was acknowledged; " +
            "queued records were discarded, records already in flight may or may not have been written");
        awaiters.FailWaiting(key => ReportDiscarded(key, error));
        for (var pending = lifetime.Pending; pending > 0; pending--)
        {
            ReportDiscarded(default, error);
        }
    }

    private DeliveryReport<TKey> ReportDiscarded(TKey? key, Error error)
    {
        var partition = Confluent.Kafka.Partition.Any.Value;
        lifetime.OnFailed(new FailedRecord(key?.ToString(), partition, error.Code, error.Reason));
        var report = new DeliveryReport<TKey>(settings.Name, settings.Topic, partition, Offset.Unset.Value, key, null, TimestampType.NotAvailable, error);
        pump?.Post(report);
        try
        {
            settings.OnDelivery?.Invoke(report);
        }
#pragma warning disable CA1031 // Dispose must finish; a throwing report handler cannot stop it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return report;
    }
}
