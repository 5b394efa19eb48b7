using Breadcrumb.Kafka.Diagnostics;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Producing;

/// <content>Sends that complete with the delivery report, and flushing.</content>
public sealed partial class KafkaProducer<TKey, TValue>
{
    /// <summary>Sends one record and completes when the broker acknowledged it (or it failed).</summary>
    /// <param name="key">The key; <see langword="null"/> for none.</param>
    /// <param name="value">The value; <see langword="null"/> for a tombstone.</param>
    /// <param name="headers">Headers to send with the record; not changed by the producer.</param>
    /// <param name="cancellationToken">Stops waiting for room in a full queue or for the report; the record may still be delivered.</param>
    /// <returns>The delivery report; a failed delivery is a report with an <see cref="DeliveryReport{TKey}.Error"/>, not an exception.</returns>
    /// <remarks>Start many sends before awaiting them: awaiting each in turn costs a round trip (plus <c>linger.ms</c>) per record.</remarks>
    /// <exception cref="BreadcrumbProduceException">The client refused the record, the queue stayed full, or the producer hit a fatal error.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The producer was disposed.</exception>
    public ValueTask<DeliveryReport<TKey>> SendAsync(TKey key, TValue value, Headers? headers = null, CancellationToken cancellationToken = default) =>
        SendWithReportAsync(key, value, null, headers, cancellationToken);

    /// <summary>Sends one record to one partition and completes when the broker acknowledged it (or it failed).</summary>
    /// <param name="key">The key; <see langword="null"/> for none.</param>
    /// <param name="value">The value; <see langword="null"/> for a tombstone.</param>
    /// <param name="partition">The partition, from 0; the partitioner is bypassed.</param>
    /// <param name="headers">Headers to send with the record; not changed by the producer.</param>
    /// <param name="cancellationToken">Stops waiting for room in a full queue or for the report; the record may still be delivered.</param>
    /// <returns>The delivery report.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partition"/> is negative.</exception>
    /// <exception cref="BreadcrumbProduceException">The client refused the record, the queue stayed full, or the producer hit a fatal error.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The producer was disposed.</exception>
    public ValueTask<DeliveryReport<TKey>> SendAsync(
        TKey key, TValue value, int partition, Headers? headers = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        return SendWithReportAsync(key, value, partition, headers, cancellationToken);
    }

    /// <summary>Waits until every record sent so far has its delivery report.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the queue is empty.</returns>
    /// <exception cref="InvalidOperationException">The <see cref="KafkaProducerOptions{TKey, TValue}.OnDelivery"/> callback threw.</exception>
    /// <exception cref="BreadcrumbProduceException">The producer hit a fatal error.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The producer was disposed, before or during the flush (dispose flushes by its policy).</exception>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        // librdkafka's flush blocks: keep it off the caller's thread, and counted, so dispose waits for it to return. The
        // flush itself watches the token; FinishFlushAsync turns its cancellation into the caller's.
        var flushed = calls.RunAsync(() => FlushUntilCancelledOrClosing(cancellationToken), CancellationToken.None);
        return FinishFlushAsync(flushed, cancellationToken);
    }

    private void FlushUntilCancelledOrClosing(CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, calls.Closing);
        try
        {
            client.Flush(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            calls.ThrowIfClosing();
            throw;
        }
    }

    private async Task FinishFlushAsync(Task flushed, CancellationToken cancellationToken)
    {
        await flushed.ConfigureAwait(false);
        if (pump is not null)
        {
            await pump.DrainAsync(cancellationToken).ConfigureAwait(false);
        }

        ThrowIfReportHandlerFailed();
        ThrowIfUnusable();
    }

    /// <summary>Sends counted in <paramref name="run"/> with <paramref name="handler"/> (from <see cref="HandlerFor"/>); completes when handed to the client.</summary>
    internal ValueTask SendAsync(
        TKey key, TValue value, int? partition, Headers? headers, Action<DeliveryReport<byte[], byte[]>> handler, DeliveryTracker run, CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        return SendKeyedAsync(key, value, partition, headers, handler, run, cancellationToken);
    }

    private ValueTask<DeliveryReport<TKey>> SendWithReportAsync(TKey key, TValue value, int? partition, Headers? headers, CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<DeliveryReport<TKey>>(cancellationToken);
        }

        var awaiter = awaiters.Rent();
        awaiter.Start(key, cancellationToken);
        ValueTask sent;
        try
        {
            sent = SendKeyedAsync(key, value, partition, headers, awaiter.Handler, null, cancellationToken);
        }
        catch
        {
            awaiter.Abandon();
            throw;
        }

        return sent.IsCompletedSuccessfully ? awaiter.Task : AwaitQueuedAsync(sent, awaiter);
    }

    private static async ValueTask<DeliveryReport<TKey>> AwaitQueuedAsync(ValueTask sent, DeliveryAwaiter<TKey> awaiter)
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

    private ValueTask SendKeyedAsync(
        TKey key, TValue value, int? partition, Headers? headers, Action<DeliveryReport<byte[], byte[]>> handler, DeliveryTracker? run, CancellationToken cancellationToken)
    {
        if (keys.IsAsynchronous || settings.ValueSerde.IsAsynchronous)
        {
            return SendSerializedAsync(key, value, partition, headers, handler, run, cancellationToken);
        }

        var topicPartition = PartitionOf(partition);
        var keyBytes = keys.GetBytes(key);
        var work = TakeScratch();
        Count(run);
        var handedOff = false;
        try
        {
            var message = Fill(work, keyBytes, value, headers);
            handler = SendTelemetry.Wrap(settings.Topic, settings.Name, key?.ToString(), message, handler);
            if (TryProduce(topicPartition, message, handler))
            {
                return ValueTask.CompletedTask;
            }

            handedOff = true;
            return SendWhenRoomAsync(work, topicPartition, handler, run, cancellationToken);
        }
        catch
        {
            Uncount(run);
            throw;
        }
        finally
        {
            if (!handedOff)
            {
                ReturnScratch(work);
            }
        }
    }

    /// <summary>The path for asynchronous serdes (schema registry): serialize first, then produce a message of its own.</summary>
    private async ValueTask SendSerializedAsync(
        TKey key, TValue value, int? partition, Headers? headers, Action<DeliveryReport<byte[], byte[]>> handler, DeliveryTracker? run, CancellationToken cancellationToken)
    {
        var keyBytes = await keys.GetBytesAsync(key).ConfigureAwait(false);
        var valueBytes = value is null
            ? null
            : await settings.ValueSerde.SerializeAsync(value, new SerializationContext(MessageComponentType.Value, settings.Topic, headers)).ConfigureAwait(false);
        var message = new Message<byte[], byte[]> { Key = keyBytes!, Value = valueBytes!, Headers = headers ?? [] };
        var topicPartition = PartitionOf(partition);
        Count(run);
        try
        {
            handler = SendTelemetry.Wrap(settings.Topic, settings.Name, key?.ToString(), message, handler);
            if (!TryProduce(topicPartition, message, handler))
            {
                await ProduceWhenRoomAsync(topicPartition, message, handler, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            Uncount(run);
            throw;
        }
    }

    private async ValueTask SendWhenRoomAsync(
        SendScratch<TValue> work, TopicPartition topicPartition, Action<DeliveryReport<byte[], byte[]>> handler, DeliveryTracker? run, CancellationToken cancellationToken)
    {
        try
        {
            await ProduceWhenRoomAsync(topicPartition, work.Message, handler, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Uncount(run);
            throw;
        }
        finally
        {
            ReturnScratch(work);
        }
    }
}
