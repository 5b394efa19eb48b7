using Confluent.Kafka;
using Polly.Timeout;

namespace Breadcrumb.Kafka.Producing;

/// <content>Delivery reports, client errors and the queue-full slow path.</content>
public sealed partial class KafkaProducer<TKey, TValue>
{
    private Error? fatalError;
    private Exception? reportHandlerException;
    private int disposed;

    /// <summary>
    /// Books one delivery report (on librdkafka's poll thread or a flushing thread) and raises it to the listener.
    /// Never throws: an exception here would be swallowed by the client.
    /// </summary>
    private DeliveryReport<TKey>? Complete(
        DeliveryReport<byte[], byte[]> result, TKey? knownKey, bool haveKey, DeliveryTracker? run, bool needReport)
    {
        var error = result.Error is { IsError: true } e ? e : null;
        var partition = result.Partition.Value;
        var offset = result.Offset.Value;
        var key = haveKey ? knownKey : default;
        var keyRead = haveKey;
        if (error is null)
        {
            run?.OnDelivered(partition, offset);
            lifetime.OnDelivered(partition, offset);
        }
        else
        {
            if (!keyRead)
            {
                key = keys.GetKey(result.Message?.Key);
                keyRead = true;
            }

            var failure = new FailedRecord(key?.ToString(), partition, error.Code, error.Reason);
            run?.OnFailed(failure);
            lifetime.OnFailed(failure);
            if (error.IsFatal)
            {
                Interlocked.CompareExchange(ref fatalError, error, null);
            }
        }

        var listener = settings.OnDelivery;
        if (listener is null && pump is null && !needReport)
        {
            return null;
        }

        if (!keyRead)
        {
            key = keys.GetKey(result.Message?.Key);
        }

        var timestamp = result.Message?.Timestamp ?? default;
        var report = new DeliveryReport<TKey>(
            settings.Name,
            settings.Topic,
            partition,
            offset,
            key,
            timestamp.Type == TimestampType.NotAvailable ? null : DateTimeOffset.FromUnixTimeMilliseconds(timestamp.UnixTimestampMs),
            timestamp.Type,
            error);
        pump?.Post(report);
        if (listener is not null)
        {
            try
            {
                listener(report);
            }
#pragma warning disable CA1031 // The handler runs on librdkafka's thread: keep the first exception and rethrow it from the next flush.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Interlocked.CompareExchange(ref reportHandlerException, ex, null);
            }
        }

        return report;
    }

    /// <summary>Records a client error; only a fatal one ends this producer.</summary>
    /// <param name="error">The error librdkafka raised.</param>
    internal void OnClientError(Error error)
    {
        // Non-fatal errors (a broker connection dropped, a request timed out) are retried by librdkafka on its own;
        // only a fatal error ends this producer.
        if (error.IsFatal)
        {
            Interlocked.CompareExchange(ref fatalError, error, null);
        }
    }

    internal void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (Volatile.Read(ref fatalError) is { } fatal)
        {
            throw Failure(fatal, null);
        }
    }

    private void ThrowIfReportHandlerFailed()
    {
        if (Interlocked.Exchange(ref reportHandlerException, null) is { } ex)
        {
            throw new InvalidOperationException(
                $"{settings.OptionsName}.OnDelivery of producer '{settings.Name}' threw {ex.GetType().Name}: {ex.Message}. " +
                "Delivery reports are still counted; fix the callback so it does not throw.",
                ex);
        }
    }

    private BreadcrumbProduceException Failure(Error error, Exception? inner) =>
        new(error.Code == ErrorCode.Local_Fatal || error.IsFatal ? Volatile.Read(ref fatalError) ?? error : error, settings.Name, settings.Topic, inner);

    /// <summary>Waits, blocking, for room in the local queue (the fast path has no token to await on).</summary>
    private void ProduceWhenRoom(TopicPartition topicPartition, Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>> handler)
    {
        try
        {
            queueFullRetry.Execute(
                static state => state.Self.ProduceCounted(state.TopicPartition, state.Message, state.Handler),
                (Self: this, TopicPartition: topicPartition, Message: message, Handler: handler));
        }
        catch (TimeoutRejectedException ex)
        {
            throw Failure(QueueFullRetry.StayedFull(settings.QueueFullTimeout), ex);
        }
        catch (KafkaException ex) when (ex is not BreadcrumbProduceException)
        {
            throw Failure(ex.Error, ex);
        }
    }

    /// <summary>Waits asynchronously for room in the local queue.</summary>
    private async ValueTask ProduceWhenRoomAsync(
        TopicPartition topicPartition, Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>> handler, CancellationToken cancellationToken)
    {
        try
        {
            await queueFullRetry.ExecuteAsync(
                static (state, _) =>
                {
                    state.Self.ProduceCounted(state.TopicPartition, state.Message, state.Handler);
                    return ValueTask.CompletedTask;
                },
                (Self: this, TopicPartition: topicPartition, Message: message, Handler: handler),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Failure(QueueFullRetry.StayedFull(settings.QueueFullTimeout), ex);
        }
        catch (KafkaException ex) when (ex is not BreadcrumbProduceException)
        {
            throw Failure(ex.Error, ex);
        }
    }

    private void ProduceCounted(TopicPartition topicPartition, Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>> handler)
    {
        try
        {
            using var call = calls.Enter();
            client.Produce(topicPartition, message, handler);
        }
        catch (KafkaException ex) when (QueueFullRetry.IsQueueFull(ex))
        {
            Interlocked.Increment(ref queueFullRetries);
            throw;
        }
    }
}
