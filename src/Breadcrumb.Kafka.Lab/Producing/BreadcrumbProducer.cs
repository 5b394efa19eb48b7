using System.Runtime.InteropServices;
using Breadcrumb.Kafka.Diagnostics;
using Breadcrumb.Kafka.Lab.Diagnostics;
using Breadcrumb.Kafka.Logging;
using Breadcrumb.Kafka.Lab.Producing;
using Breadcrumb.Kafka.Producing;
using Confluent.Kafka;
using Polly;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Sends <see cref="BreadcrumbRecord"/>s to one topic, one at a time as the lab does, with a key strategy, delivery
/// reports, a flush policy, pacing and a run summary. Idempotent with <c>acks=all</c> by default.
/// </summary>
/// <remarks>
/// <para>Three ways to send: <see cref="Send"/> (fastest: hands the record to the client and returns; its fate shows
/// in <see cref="BreadcrumbProducerOptions.DeliveryReports"/> and <see cref="GetSummary"/>), <see cref="SendAsync"/>
/// (completes with the record's <see cref="DeliveryReport"/>; start many before awaiting them for speed), and
/// <see cref="ProduceAllAsync(IAsyncEnumerable{BreadcrumbRecord}, CancellationToken)"/> (the lab's loop: flush policy,
/// pacing and a <see cref="ProduceRunSummary"/>).</para>
/// <para>All members are thread-safe. Several producers in one process share nothing mutable.</para>
/// <para>Dispose flushes (up to <see cref="BreadcrumbProducerOptions.DisposeFlushTimeout"/>) unless the policy is
/// <see cref="FlushPolicy.Never"/>; records still undelivered are then purged and reported as failed.</para>
/// </remarks>
public sealed partial class BreadcrumbProducer : IAsyncDisposable
{
    private const int MaxCachedPartition = 1024;

    private readonly ProducerSettings settings;
    private readonly IProducer<byte[], byte[]> client;
    private readonly DeliveryTracker lifetime;
    private readonly Action<DeliveryReport<byte[], byte[]>> onDelivery;
    private readonly DeliveryAwaiter.Pool awaiters;
    private readonly KeyBytesCache keys = new();
    private readonly ResiliencePipeline queueFullRetry;
    private readonly TopicPartition anyPartition;
    private readonly Lock partitionsGate = new();
    private TopicPartition?[] partitions = [];
    private readonly SendScratch scratch;
    private SenderState sender = new() { NextIndex = -1 };
    private int queueFullRetries;

    /// <summary>Initializes a new instance of the <see cref="BreadcrumbProducer"/> class and its Confluent client.</summary>
    /// <param name="connection">Where to connect.</param>
    /// <param name="options">The topic, key strategy, flush policy, pacing and client settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is missing or out of range; the message names the option, its value and the allowed range.</exception>
    public BreadcrumbProducer(KafkaConnection connection, BreadcrumbProducerOptions options)
    {
        settings = ProducerSettings.Create(connection, options);
        lifetime = new DeliveryTracker(settings.Name, settings.Topic);
        onDelivery = report => Complete(report, null, haveKey: false, run: null, needReport: false);
        awaiters = new DeliveryAwaiter.Pool((report, key) => Complete(report, key, haveKey: true, run: null, needReport: true)!);
        queueFullRetry = QueueFullRetry.Create(settings.QueueFullTimeout, settings.TimeProvider);
        anyPartition = new TopicPartition(settings.Topic, Confluent.Kafka.Partition.Any);
        scratch = new SendScratch(reuseValues: !settings.ReportsCarryValue);
        try
        {
            client = StatisticsHook.Attach(new ProducerBuilder<byte[], byte[]>(settings.Config), settings.Config, options.Statistics)
                .SetKeySerializer(Serializers.ByteArray)
                .SetValueSerializer(Serializers.ByteArray)
                .WithLogging(connection.CreateLogger<BreadcrumbProducer>(), OnClientError)
                .Build();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or KafkaException)
        {
            throw new ArgumentException(
                $"BreadcrumbProducerOptions: librdkafka rejected the producer configuration for '{settings.Name}': {ex.Message}", nameof(options), ex);
        }
    }

    /// <summary>Gets the producer's name (its <c>client.id</c>).</summary>
    public string Name => settings.Name;

    /// <summary>Gets the topic it sends to.</summary>
    public string Topic => settings.Topic;

    /// <summary>Gets how many times a send found the local queue full and waited for room.</summary>
    internal int QueueFullRetries => Volatile.Read(ref queueFullRetries);

    /// <summary>Hands one record to the client and returns without waiting for delivery (the fast path).</summary>
    /// <param name="record">The record.</param>
    /// <remarks>If librdkafka's local queue is full, waits for room (blocking) up to
    /// <see cref="BreadcrumbProducerOptions.QueueFullTimeout"/>. The record's fate arrives later as a delivery report.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The <see cref="ExplicitPartition"/> cannot place the record's key.</exception>
    /// <exception cref="BreadcrumbProduceException">The client refused the record, the queue stayed full, or the producer hit a fatal error.</exception>
    /// <exception cref="ObjectDisposedException">The producer was disposed.</exception>
    public void Send(BreadcrumbRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ThrowIfUnusable();
        SendKeyed(record, NextKey(record), onDelivery, null);
    }

    /// <summary>Takes a snapshot of everything this producer has sent since it was created.</summary>
    /// <returns>Counts, offsets per partition and failures so far; records still in flight count as <see cref="ProduceRunSummary.Pending"/>.</returns>
    public ProduceRunSummary GetSummary() => lifetime.Snapshot();

    private void SendKeyed(BreadcrumbRecord record, string? key, Action<DeliveryReport<byte[], byte[]>> handler, DeliveryTracker? run)
    {
        var topicPartition = PartitionOf(key);
        var work = TakeScratch();
        Count(run);
        try
        {
            var message = Fill(work, key, record);
            handler = SendTelemetry.Wrap(settings.Topic, settings.Name, key, message, handler);
            if (!TryProduce(topicPartition, message, handler))
            {
                ProduceWhenRoom(topicPartition, message, handler);
            }
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

    private ValueTask SendKeyedAsync(
        BreadcrumbRecord record, string? key, Action<DeliveryReport<byte[], byte[]>> handler, DeliveryTracker? run, CancellationToken cancellationToken)
    {
        var topicPartition = PartitionOf(key);
        var work = TakeScratch();
        Count(run);
        var handedOff = false;
        try
        {
            var message = Fill(work, key, record);
            handler = SendTelemetry.Wrap(settings.Topic, settings.Name, key, message, handler);
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

    private async ValueTask SendWhenRoomAsync(
        SendScratch work, TopicPartition topicPartition, Action<DeliveryReport<byte[], byte[]>> handler, DeliveryTracker? run, CancellationToken cancellationToken)
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

    // One scratch per producer; a thread that finds it taken (concurrent sends) uses a throw-away one.
    private SendScratch TakeScratch() =>
        Interlocked.Exchange(ref sender.ScratchInUse, 1) == 0 ? scratch : new SendScratch(reuseValues: false);

    private void ReturnScratch(SendScratch work)
    {
        work.Message.Key = null!;
        work.Message.Value = null!;
        if (work.Message.Headers.Count != 0)
        {
            work.Message.Headers = [];
        }

        if (ReferenceEquals(work, scratch))
        {
            Volatile.Write(ref sender.ScratchInUse, 0);
        }
    }

    private Message<byte[], byte[]> Fill(SendScratch work, string? key, BreadcrumbRecord record)
    {
        var message = work.Message;
        message.Key = keys.GetBytes(key)!;
        message.Value = work.Serialize(record);
        return message;
    }

    // Counted before Produce so a report that arrives at once never finds more reports than sends.
    private void Count(DeliveryTracker? run)
    {
        run?.OnSending();
        lifetime.OnSending();
    }

    private void Uncount(DeliveryTracker? run)
    {
        run?.OnNotSent();
        lifetime.OnNotSent();
    }

    private string? NextKey(BreadcrumbRecord record) =>
        settings.KeyStrategy.KeyFor(new KeyContext(record, Interlocked.Increment(ref sender.NextIndex), settings.Name));

    private TopicPartition PartitionOf(string? key)
    {
        if (settings.Partition is null)
        {
            return anyPartition;
        }

        var partition = settings.Partition.PartitionFor(key);
        var known = Volatile.Read(ref partitions);
        if ((uint)partition < (uint)known.Length && known[partition] is { } cached)
        {
            return cached;
        }

        var created = new TopicPartition(settings.Topic, partition);
        if (partition < MaxCachedPartition)
        {
            lock (partitionsGate)
            {
                var grown = partitions.Length > partition ? partitions : new TopicPartition?[partition + 1];
                Array.Copy(partitions, grown, partitions.Length);
                grown[partition] ??= created;
                Volatile.Write(ref partitions, grown);
            }
        }

        return created;
    }

    /// <summary>Produces once; returns false when the local queue is full, throws a clear exception for anything else.</summary>
    private bool TryProduce(TopicPartition topicPartition, Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>> handler)
    {
        try
        {
            client.Produce(topicPartition, message, handler);
            return true;
        }
        catch (KafkaException ex) when (QueueFullRetry.IsQueueFull(ex))
        {
            Interlocked.Increment(ref queueFullRetries);
            return false;
        }
        catch (KafkaException ex)
        {
            throw Failure(ex.Error, ex);
        }
    }

    // Written on every send by the caller's thread while librdkafka's thread reads this object's other fields for
    // every report: padding keeps them off each other's cache lines.
    [StructLayout(LayoutKind.Explicit, Size = 192)]
    private struct SenderState
    {
        [FieldOffset(64)]
        public long NextIndex;

        [FieldOffset(72)]
        public int ScratchInUse;
    }
}
