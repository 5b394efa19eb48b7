using Breadcrumb.Kafka.Connection;
using Breadcrumb.Kafka.Diagnostics;
using Breadcrumb.Kafka.Logging;
using Confluent.Kafka;
using Polly;

namespace Breadcrumb.Kafka.Producing;

/// <summary>
/// Sends records of <typeparamref name="TValue"/> with keys of <typeparamref name="TKey"/> to one topic, serialized by a
/// <see cref="Serialization.KafkaSerde{T}"/> straight into a reused buffer. Idempotent with <c>acks=all</c> by default.
/// </summary>
/// <typeparam name="TKey">The key type; a <see langword="null"/> key is a Kafka null key.</typeparam>
/// <typeparam name="TValue">The value type; a <see langword="null"/> value is a tombstone.</typeparam>
/// <remarks>
/// <para>Two ways to send: <see cref="Send(TKey, TValue, Headers?)"/> (fastest: hands the record to the client and returns;
/// its fate shows in <see cref="KafkaProducerOptions{TKey, TValue}.OnDelivery"/> and <see cref="GetSummary"/>) and
/// <see cref="SendAsync(TKey, TValue, Headers?, CancellationToken)"/> (completes with the record's delivery report; start
/// many before awaiting them for speed).</para>
/// <para>All members are thread-safe. Dispose flushes (up to <see cref="KafkaProducerOptions{TKey, TValue}.DisposeFlushTimeout"/>)
/// unless the policy is <see cref="Flushing.FlushPolicy.Never"/>; records still undelivered are then reported as failed.</para>
/// </remarks>
public sealed partial class KafkaProducer<TKey, TValue> : IAsyncDisposable
{
    private const int MaxCachedPartition = 1024;

    private readonly ProducerSetup<TKey, TValue> settings;
    private readonly IProducer<byte[], byte[]> client;
    private readonly DeliveryTracker lifetime;
    private readonly Action<DeliveryReport<byte[], byte[]>> onDelivery;
    private readonly DeliveryAwaiter<TKey>.Pool awaiters;
    private readonly KeyCodec<TKey> keys;
    private readonly ResiliencePipeline queueFullRetry;
    private readonly TopicPartition anyPartition;
    private readonly Lock partitionsGate = new();
    private TopicPartition?[] partitions = [];
    private readonly SendScratch<TValue> scratch;
    private readonly DeliveryPump<TKey>? pump;
    private readonly ClientCalls calls;
    private PaddedFlag sender;
    private int queueFullRetries;

    /// <summary>Initializes a new instance of the <see cref="KafkaProducer{TKey, TValue}"/> class and its Confluent client.</summary>
    /// <param name="connection">Where to connect.</param>
    /// <param name="options">The topic, serializers and client settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is missing or out of range; the message names the option, its value and the allowed range.</exception>
    public KafkaProducer(KafkaConnection connection, KafkaProducerOptions<TKey, TValue> options)
    {
        settings = ProducerSetup<TKey, TValue>.Create(connection, options);
        lifetime = new DeliveryTracker(settings.Name, settings.Topic);
        keys = new KeyCodec<TKey>(settings.KeySerde, settings.Topic);
        onDelivery = report => Complete(report, default, haveKey: false, run: null, needReport: false);
        awaiters = new DeliveryAwaiter<TKey>.Pool((report, key) => Complete(report, key, haveKey: true, run: null, needReport: true)!);
        queueFullRetry = QueueFullRetry.Create(settings.QueueFullTimeout, settings.TimeProvider);
        anyPartition = new TopicPartition(settings.Topic, Confluent.Kafka.Partition.Any);
        scratch = new SendScratch<TValue>(settings.ValueSerde, settings.Topic, reuseValues: !settings.ReportsCarryValue);
        calls = new ClientCalls($"KafkaProducer '{settings.Name}'");
        if (settings.OnDeliveryAsync is { } asyncCallback)
        {
            pump = new DeliveryPump<TKey>(asyncCallback, ex => Interlocked.CompareExchange(ref reportHandlerException, ex, null));
        }
        try
        {
            var builder = new ProducerBuilder<byte[], byte[]>(settings.Config);
            settings.ConfigureBuilder?.Invoke(builder, settings.Config);
            client = builder
                .SetKeySerializer(Serializers.ByteArray)
                .SetValueSerializer(Serializers.ByteArray)
                .WithLogging(connection.CreateLogger(settings.LoggerCategory), OnClientError)
                .Build();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or KafkaException)
        {
            throw new ArgumentException(
                $"{settings.OptionsName}: librdkafka rejected the producer configuration for '{settings.Name}': {ex.Message}", nameof(options), ex);
        }
    }

    /// <summary>Gets the producer's name (its <c>client.id</c>).</summary>
    public string Name => settings.Name;

    /// <summary>Gets the topic it sends to.</summary>
    public string Topic => settings.Topic;

    /// <summary>Gets how many times a send found the local queue full and waited for room.</summary>
    internal int QueueFullRetries => Volatile.Read(ref queueFullRetries);

    /// <summary>Hands one record to the client and returns without waiting for delivery (the fast path).</summary>
    /// <param name="key">The key; <see langword="null"/> for none.</param>
    /// <param name="value">The value; <see langword="null"/> for a tombstone.</param>
    /// <param name="headers">Headers to send with the record; not changed by the producer.</param>
    /// <remarks>If librdkafka's local queue is full, waits for room (blocking) up to
    /// <see cref="KafkaProducerOptions{TKey, TValue}.QueueFullTimeout"/>. The record's fate arrives later as a delivery report.</remarks>
    /// <exception cref="NotSupportedException">A serde is asynchronous: use <see cref="SendAsync(TKey, TValue, Headers?, CancellationToken)"/>.</exception>
    /// <exception cref="BreadcrumbProduceException">The client refused the record, the queue stayed full, or the producer hit a fatal error.</exception>
    /// <exception cref="ObjectDisposedException">The producer was disposed.</exception>
    public void Send(TKey key, TValue value, Headers? headers = null) => Send(key, value, null, headers, null);

    /// <summary>Hands one record for one partition to the client and returns without waiting for delivery.</summary>
    /// <param name="key">The key; <see langword="null"/> for none.</param>
    /// <param name="value">The value; <see langword="null"/> for a tombstone.</param>
    /// <param name="partition">The partition, from 0; the partitioner is bypassed.</param>
    /// <param name="headers">Headers to send with the record; not changed by the producer.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partition"/> is negative.</exception>
    /// <exception cref="NotSupportedException">A serde is asynchronous: use <c>SendAsync</c>.</exception>
    /// <exception cref="BreadcrumbProduceException">The client refused the record, the queue stayed full, or the producer hit a fatal error.</exception>
    /// <exception cref="ObjectDisposedException">The producer was disposed.</exception>
    public void Send(TKey key, TValue value, int partition, Headers? headers = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        Send(key, value, partition, headers, null);
    }

    /// <summary>Takes a snapshot of everything this producer has sent since it was created.</summary>
    /// <returns>Counts, offsets per partition and failures so far; records still in flight count as <see cref="ProduceRunSummary.Pending"/>.</returns>
    public ProduceRunSummary GetSummary() => lifetime.Snapshot();

    /// <summary>Sends on the fast path, counted in <paramref name="run"/> too (a specialization's run summary).</summary>
    internal void Send(TKey key, TValue value, int? partition, Headers? headers, DeliveryTracker? run)
    {
        ThrowIfUnusable();
        if (keys.IsAsynchronous || settings.ValueSerde.IsAsynchronous)
        {
            throw new NotSupportedException(
                $"Producer '{Name}' has an asynchronous serializer (a Confluent IAsyncSerializer): send with SendAsync, not Send.");
        }

        SendKeyed(key, value, partition, headers, run is null ? onDelivery : HandlerFor(run), run);
    }

    /// <summary>Creates the delivery handler that books reports in <paramref name="run"/> as well as in the producer's lifetime.</summary>
    internal Action<DeliveryReport<byte[], byte[]>> HandlerFor(DeliveryTracker run) =>
        report => Complete(report, default, haveKey: false, run: run, needReport: false);

    private void SendKeyed(TKey key, TValue value, int? partition, Headers? headers, Action<DeliveryReport<byte[], byte[]>> handler, DeliveryTracker? run)
    {
        var topicPartition = PartitionOf(partition);
        var keyBytes = keys.GetBytes(key);
        var work = TakeScratch();
        Count(run);
        try
        {
            var message = Fill(work, keyBytes, value, headers);
            handler = SendTelemetry.Wrap(settings.Topic, settings.Name, key?.ToString(), message, handler);
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

    // One scratch per producer; a thread that finds it taken (concurrent sends) uses a throw-away one.
    private SendScratch<TValue> TakeScratch() =>
        Interlocked.Exchange(ref sender.Value, 1) == 0 ? scratch : new SendScratch<TValue>(settings.ValueSerde, settings.Topic, reuseValues: false);

    private void ReturnScratch(SendScratch<TValue> work)
    {
        work.Message.Key = null!;
        work.Message.Value = null!;
        work.Message.Headers = work.EmptyHeaders;
        if (ReferenceEquals(work, scratch))
        {
            Volatile.Write(ref sender.Value, 0);
        }
    }

    private static Message<byte[], byte[]> Fill(SendScratch<TValue> work, byte[]? key, TValue value, Headers? headers)
    {
        var message = work.Message;
        message.Key = key!;
        message.Value = work.Serialize(value, headers)!;
        message.Headers = headers ?? work.EmptyHeaders;
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

    private TopicPartition PartitionOf(int? explicitPartition)
    {
        if (explicitPartition is not { } partition)
        {
            return anyPartition;
        }

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
            using var call = calls.Enter();
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
}
