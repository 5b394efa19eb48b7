using System.Runtime.InteropServices;
using Breadcrumb.Kafka.Lab.Producing;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Sends <see cref="BreadcrumbRecord"/>s to one topic, one at a time as the lab does, with a key strategy, delivery
/// reports, a flush policy, pacing and a run summary: the lab's specialization of <see cref="KafkaProducer{TKey, TValue}"/>.
/// Idempotent with <c>acks=all</c> by default.
/// </summary>
/// <remarks>
/// <para>Three ways to send: <see cref="Send"/> (fastest: hands the record to the client and returns; its fate shows
/// in <see cref="BreadcrumbProducerOptions.OnDelivery"/> and <see cref="GetSummary"/>), <see cref="SendAsync"/>
/// (completes with the record's delivery report; start many before awaiting them for speed), and
/// <see cref="ProduceAllAsync(IAsyncEnumerable{BreadcrumbRecord}, CancellationToken)"/> (the lab's loop: flush policy,
/// pacing and a <see cref="ProduceRunSummary"/>).</para>
/// <para>All members are thread-safe. Several producers in one process share nothing mutable.</para>
/// <para>Dispose flushes (up to <see cref="BreadcrumbProducerOptions.DisposeFlushTimeout"/>) unless the policy is
/// <see cref="FlushPolicy.Never"/>; records still undelivered are then purged and reported as failed.</para>
/// </remarks>
public sealed partial class BreadcrumbProducer : IAsyncDisposable
{
    private readonly ProducerSettings settings;
    private readonly KafkaProducer<string?, BreadcrumbRecord> inner;
    private KeyIndex index = new() { Next = -1 };

    /// <summary>Initializes a new instance of the <see cref="BreadcrumbProducer"/> class and its Confluent client.</summary>
    /// <param name="connection">Where to connect.</param>
    /// <param name="options">The topic, key strategy, flush policy, pacing and client settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is missing or out of range; the message names the option, its value and the allowed range.</exception>
    public BreadcrumbProducer(KafkaConnection connection, BreadcrumbProducerOptions options)
    {
        settings = ProducerSettings.Create(connection, options);
        inner = new KafkaProducer<string?, BreadcrumbRecord>(connection, settings.Inner);
    }

    /// <summary>Gets the producer's name (its <c>client.id</c>).</summary>
    public string Name => settings.Name;

    /// <summary>Gets the topic it sends to.</summary>
    public string Topic => settings.Topic;

    /// <summary>Gets how many times a send found the local queue full and waited for room.</summary>
    internal int QueueFullRetries => inner.QueueFullRetries;

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
        var key = NextKey(record);
        inner.Send(key, record, settings.Partition?.PartitionFor(key), null, null);
    }

    /// <summary>Sends one record and completes when the broker acknowledged it (or it failed).</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Stops waiting for room in a full queue or for the report; the record may still be delivered.</param>
    /// <returns>The delivery report; a failed delivery is a report with an error, not an exception.</returns>
    /// <remarks>Start many sends before awaiting them: awaiting each in turn costs a round trip per record.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The <see cref="ExplicitPartition"/> cannot place the record's key.</exception>
    /// <exception cref="BreadcrumbProduceException">The client refused the record, the queue stayed full, or the producer hit a fatal error.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The producer was disposed.</exception>
    public ValueTask<DeliveryReport<string?>> SendAsync(BreadcrumbRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var key = NextKey(record);
        return settings.Partition?.PartitionFor(key) is { } partition
            ? inner.SendAsync(key, record, partition, null, cancellationToken)
            : inner.SendAsync(key, record, null, cancellationToken);
    }

    /// <summary>Waits until every record sent so far has its delivery report.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the queue is empty.</returns>
    /// <exception cref="InvalidOperationException">The <see cref="BreadcrumbProducerOptions.OnDelivery"/> callback threw.</exception>
    /// <exception cref="BreadcrumbProduceException">The producer hit a fatal error.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

    /// <summary>Takes a snapshot of everything this producer has sent since it was created.</summary>
    /// <returns>Counts, offsets per partition and failures so far; records still in flight count as <see cref="ProduceRunSummary.Pending"/>.</returns>
    public ProduceRunSummary GetSummary() => inner.GetSummary();

    /// <summary>Flushes by the policy and closes the client; safe to call more than once.</summary>
    /// <returns>A task that completes when the client is closed.</returns>
    public ValueTask DisposeAsync() => inner.DisposeAsync();

    /// <summary>Records a client error, as librdkafka's error callback does.</summary>
    /// <param name="error">The error.</param>
    internal void OnClientError(Confluent.Kafka.Error error) => inner.OnClientError(error);

    private string? NextKey(BreadcrumbRecord record) =>
        settings.KeyStrategy.KeyFor(new KeyContext(record, Interlocked.Increment(ref index.Next), settings.Name));

    // Written on every send by the caller's thread while librdkafka's thread reads the producer's other fields:
    // padding keeps it off their cache lines.
    [StructLayout(LayoutKind.Explicit, Size = 192)]
    private struct KeyIndex
    {
        [FieldOffset(64)]
        public long Next;
    }
}
