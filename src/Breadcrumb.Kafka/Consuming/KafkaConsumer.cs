using System.Runtime.CompilerServices;
using Breadcrumb.Kafka.Connection;
using Breadcrumb.Kafka.Diagnostics;
using Breadcrumb.Kafka.Logging;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Consuming;

/// <summary>
/// Reads records of <typeparamref name="TValue"/> with keys of <typeparamref name="TKey"/> as a member of a consumer group,
/// deserialized by a <see cref="Serialization.KafkaSerde{T}"/>, with at-least-once offsets: only what you mark handled is committed.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <remarks>
/// <para>Read with <see cref="ConsumeAsync"/>, <see cref="ConsumeBatchAsync"/> or <see cref="ReadAllAsync"/>; after handling
/// a record call <see cref="StoreOffset"/> (committed by auto-commit and on dispose) or <see cref="CommitAsync(IEnumerable{KafkaRecord{TKey, TValue}}, CancellationToken)"/>.
/// For consume-transform-produce exactly once, send <see cref="KafkaRecord{TKey, TValue}.NextOffset"/> and <see cref="GroupMetadata"/>
/// to <c>KafkaProducer.SendOffsetsToTransactionAsync</c> instead of committing.</para>
/// <para>One read at a time (reads run librdkafka's blocking poll on the thread pool); <see cref="Pause"/>, <see cref="Resume"/>,
/// <see cref="StoreOffset"/>, <see cref="GroupMetadata"/> and <see cref="GetLag"/> are thread-safe.</para>
/// </remarks>
public sealed partial class KafkaConsumer<TKey, TValue> : IAsyncDisposable
{
    private readonly ConsumerSetup<TKey, TValue> settings;
    private readonly IConsumer<byte[], byte[]> client;
    private readonly RecordReader<TKey, TValue> reader;
    private readonly ClientCalls calls;
    private int reading;

    /// <summary>Initializes a new instance of the <see cref="KafkaConsumer{TKey, TValue}"/> class and subscribes to its topics.</summary>
    /// <param name="connection">Where to connect.</param>
    /// <param name="options">Topics, group, deserializers and client settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is missing or out of range; the message names each one.</exception>
    public KafkaConsumer(KafkaConnection connection, KafkaConsumerOptions<TKey, TValue> options)
    {
        settings = ConsumerSetup<TKey, TValue>.Create(connection, options);
        reader = new RecordReader<TKey, TValue>(settings.KeySerde, settings.ValueSerde);
        calls = new ClientCalls($"KafkaConsumer '{settings.Name}'");
        try
        {
            client = new ConsumerBuilder<byte[], byte[]>(settings.Config)
                .WithLogging(connection.CreateLogger("Breadcrumb.Kafka.Consuming.KafkaConsumer"))
                .Build();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or KafkaException)
        {
            throw new ArgumentException(
                $"KafkaConsumerOptions: librdkafka rejected the consumer configuration for '{settings.Name}': {ex.Message}", nameof(options), ex);
        }

        client.Subscribe(settings.Topics);
    }

    /// <summary>Gets the consumer's name (its <c>client.id</c>).</summary>
    public string Name => settings.Name;

    /// <summary>Gets the consumer group id.</summary>
    public string GroupId => settings.GroupId;

    /// <summary>Gets the group metadata to pass to a transactional producer's <c>SendOffsetsToTransactionAsync</c>.</summary>
    /// <exception cref="ObjectDisposedException">The consumer was disposed.</exception>
    public IConsumerGroupMetadata GroupMetadata
    {
        get
        {
            using var call = calls.Enter();
            return client.ConsumerGroupMetadata;
        }
    }

    /// <summary>Gets the partitions currently assigned to this member.</summary>
    public IReadOnlyList<TopicPartition> Assignment
    {
        get
        {
            if (!calls.TryEnter(out var call))
            {
                return [];
            }

            using (call)
            {
                return [.. client.Assignment];
            }
        }
    }

    /// <summary>Gets the validated settings (for the hosted handler).</summary>
    internal ConsumerSetup<TKey, TValue> Settings => settings;

    /// <summary>Reads the next record, waiting as long as it takes.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ConsumeException">The record's key or value could not be read (code <see cref="ErrorCode.Local_ValueDeserialization"/>;
    /// the message names the record's place and the missing field), or the broker reported an error. The consumer has moved past it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">Another read is in progress.</exception>
    /// <exception cref="ObjectDisposedException">The consumer was disposed, before or during the read.</exception>
    public async Task<KafkaRecord<TKey, TValue>> ConsumeAsync(CancellationToken cancellationToken = default)
    {
        var batch = await ConsumeBatchAsync(1, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        return batch[0];
    }

    /// <summary>Reads up to <paramref name="maxRecords"/> records: waits for the first as long as it takes, then at most <paramref name="maxWait"/> for more.</summary>
    /// <param name="maxRecords">The most records to return, at least 1.</param>
    /// <param name="maxWait">How long to wait for more once the first arrived.</param>
    /// <param name="cancellationToken">Stops waiting for the first record.</param>
    /// <returns>One or more records, in order within each partition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRecords"/> is below 1 or <paramref name="maxWait"/> is negative.</exception>
    /// <exception cref="ConsumeException">A record could not be read; the records before it are not lost: the consumer is rewound so the next read returns them after the bad one.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">Another read is in progress.</exception>
    /// <exception cref="ObjectDisposedException">The consumer was disposed, before or during the read.</exception>
    public async Task<IReadOnlyList<KafkaRecord<TKey, TValue>>> ConsumeBatchAsync(int maxRecords, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        var raw = await PollAsync(maxRecords, maxWait, cancellationToken).ConfigureAwait(false);
        var records = new List<KafkaRecord<TKey, TValue>>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            try
            {
                records.Add(await reader.ReadAsync(raw[i]).ConfigureAwait(false));
            }
            catch (ConsumeException) when (i > 0)
            {
                // Hand over what was read; the bad record comes first on the next read, which then throws for it.
                Rewind(raw, i);
                return records;
            }
            catch (ConsumeException)
            {
                Rewind(raw, i + 1);
                throw;
            }
        }

        return records;
    }

    /// <summary>Reads records one by one until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The records.</returns>
    /// <exception cref="ConsumeException">A record could not be read.</exception>
    public async IAsyncEnumerable<KafkaRecord<TKey, TValue>> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<KafkaRecord<TKey, TValue>> batch;
            try
            {
                batch = await ConsumeBatchAsync(settings.MaxBatchSize, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            foreach (var record in batch)
            {
                yield return record;
            }
        }
    }

    /// <summary>Deserializes one raw result (for the hosted handler, which routes failures to the dead-letter topic).</summary>
    internal ValueTask<KafkaRecord<TKey, TValue>> ReadAsync(ConsumeResult<byte[], byte[]> result) => reader.ReadAsync(result);

    /// <summary>Polls raw results on the thread pool: librdkafka's poll blocks.</summary>
    internal Task<List<ConsumeResult<byte[], byte[]>>> PollAsync(int maxRecords, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWait, TimeSpan.Zero);
        var call = calls.Enter();
        if (Interlocked.Exchange(ref reading, 1) != 0)
        {
            call.Dispose();
            throw new InvalidOperationException($"Consumer '{Name}' is already reading: await one read before starting the next.");
        }

        // No token for Task.Run itself: the poll must run to release the call and the reading flag; it checks the token first.
        return Task.Run(
            () =>
            {
                using (call)
                {
                    try
                    {
                        return Poll(maxRecords, maxWait, cancellationToken);
                    }
                    finally
                    {
                        Volatile.Write(ref reading, 0);
                    }
                }
            },
            CancellationToken.None);
    }

    private List<ConsumeResult<byte[], byte[]>> Poll(int maxRecords, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var results = new List<ConsumeResult<byte[], byte[]>>();
        long firstAt = 0;
        while (results.Count < maxRecords)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Disposing ends a waiting read: the records polled so far are not handed over, and their offsets were not stored.
            calls.ThrowIfClosing();
            ApplyPause();
            var wait = ConsumerDefaults.PollInterval;
            if (results.Count > 0)
            {
                var left = maxWait - settings.TimeProvider.GetElapsedTime(firstAt);
                if (left <= TimeSpan.Zero)
                {
                    break;
                }

                wait = left < wait ? left : wait;
            }

            var pollStarted = ReceiveTelemetry.PollStarted();
            var result = client.Consume(wait);
            if (result is null || result.IsPartitionEOF)
            {
                continue;
            }

            ReceiveTelemetry.OnReceived(client, result, settings.Name, settings.GroupId, pollStarted);
            if (results.Count == 0)
            {
                firstAt = settings.TimeProvider.GetTimestamp();
            }

            results.Add(result);
        }

        return results;
    }

    /// <summary>Seeks each partition back to its first result from <paramref name="from"/> on, so none of them is lost.</summary>
    private void Rewind(List<ConsumeResult<byte[], byte[]>> raw, int from)
    {
        if (!calls.TryEnter(out var call))
        {
            return;
        }

        using var held = call;
        var seen = new HashSet<TopicPartition>();
        for (var i = from; i < raw.Count; i++)
        {
            if (seen.Add(raw[i].TopicPartition))
            {
                client.Seek(raw[i].TopicPartitionOffset);
            }
        }
    }
}
