using Confluent.Kafka;

namespace Breadcrumb.Kafka.Consuming;

/// <content>Offsets, pausing, lag and disposal.</content>
public sealed partial class KafkaConsumer<TKey, TValue>
{
    private readonly Lock pauseGate = new();
    private readonly HashSet<TopicPartition> paused = [];
    private volatile bool pauseRequested;
    private int disposed;

    /// <summary>Gets a value indicating whether reading is paused (the member stays in its group).</summary>
    public bool IsPaused => pauseRequested;

    /// <summary>Marks <paramref name="record"/> handled: its offset is committed by the next auto-commit, <see cref="CommitAsync(CancellationToken)"/> or dispose.</summary>
    /// <param name="record">A record this consumer returned.</param>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="KafkaException">The partition is no longer assigned to this member (after a rebalance).</exception>
    public void StoreOffset(KafkaRecord<TKey, TValue> record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var call = calls.Enter();
        client.StoreOffset(record.NextOffset);
    }

    /// <summary>Commits the offsets stored so far with <see cref="StoreOffset"/>, waiting for the broker.</summary>
    /// <param name="cancellationToken">Stops waiting (the commit may still happen).</param>
    /// <returns>A task that completes when the group coordinator acknowledged.</returns>
    /// <exception cref="KafkaException">The commit failed, for example after a rebalance.</exception>
    public Task CommitAsync(CancellationToken cancellationToken = default) => calls.RunAsync(
        () =>
        {
            try
            {
                client.Commit();
            }
            catch (KafkaException ex) when (ex.Error.Code == ErrorCode.Local_NoOffset)
            {
                // Nothing stored since the last commit: nothing to do.
            }
        },
        cancellationToken);

    /// <summary>Commits the position after <paramref name="records"/> (per partition, the highest offset + 1), waiting for the broker.</summary>
    /// <param name="records">Handled records this consumer returned.</param>
    /// <param name="cancellationToken">Stops waiting (the commit may still happen).</param>
    /// <returns>A task that completes when the group coordinator acknowledged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="KafkaException">The commit failed, for example after a rebalance.</exception>
    public Task CommitAsync(IEnumerable<KafkaRecord<TKey, TValue>> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        calls.ThrowIfClosing();
        var offsets = NextOffsets(records);
        return offsets.Count == 0 ? Task.CompletedTask : calls.RunAsync(() => client.Commit(offsets), cancellationToken);
    }

    /// <summary>Pauses reading from every assigned partition (and those assigned later) without leaving the group.</summary>
    public void Pause() => pauseRequested = true;

    /// <summary>Resumes reading after <see cref="Pause"/>.</summary>
    public void Resume() => pauseRequested = false;

    /// <summary>Gets the lag of each assigned partition: records between this member's position and the high watermark, from the client's cache (no request).</summary>
    /// <returns>Lag per partition; partitions not fetched yet are left out.</returns>
    public IReadOnlyDictionary<TopicPartition, long> GetLag()
    {
        var lag = new Dictionary<TopicPartition, long>();
        if (!calls.TryEnter(out var call))
        {
            return lag;
        }

        using var held = call;
        foreach (var partition in client.Assignment)
        {
            var high = client.GetWatermarkOffsets(partition).High;
            var position = client.Position(partition);
            if (high != Offset.Unset && position != Offset.Unset)
            {
                lag[partition] = Math.Max(0, high.Value - position.Value);
            }
        }

        return lag;
    }

    /// <summary>Leaves the group (committing stored offsets when auto-commit is on) and closes the client; safe to call more than once.</summary>
    /// <returns>A task that completes when the client is closed.</returns>
    /// <remarks>A read in progress ends with <see cref="ObjectDisposedException"/> (within the poll interval, 100 ms), and a
    /// commit in progress is waited for: the client is closed only when no call is inside it.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await calls.CloseAsync().ConfigureAwait(false);

        // Close blocks while it leaves the group and commits: keep it off the caller's thread.
        await Task.Run(() =>
        {
            try
            {
                client.Close();
            }
            finally
            {
                client.Dispose();
            }
        }).ConfigureAwait(false);
        calls.Dispose();
    }

    internal static List<TopicPartitionOffset> NextOffsets(IEnumerable<KafkaRecord<TKey, TValue>> records)
    {
        var highest = new Dictionary<TopicPartition, long>();
        foreach (var record in records)
        {
            var partition = new TopicPartition(record.Topic, record.Partition);
            if (!highest.TryGetValue(partition, out var offset) || record.Offset > offset)
            {
                highest[partition] = record.Offset;
            }
        }

        return [.. highest.Select(p => new TopicPartitionOffset(p.Key, p.Value + 1))];
    }

    /// <summary>Commits <paramref name="offsets"/> synchronously; runs on the reading thread's side (the hosted handler's loop).</summary>
    internal Task CommitOffsetsAsync(List<TopicPartitionOffset> offsets, CancellationToken cancellationToken) =>
        offsets.Count == 0 ? Task.CompletedTask : calls.RunAsync(() => client.Commit(offsets), cancellationToken);

    // Called on the polling thread before each poll: librdkafka must not pause inside its rebalance callback, and a
    // partition assigned while paused has to be paused too.
    private void ApplyPause()
    {
        lock (pauseGate)
        {
            // A rebalance resets what librdkafka had paused: forget partitions no longer assigned.
            var assigned = client.Assignment;
            if (paused.Count > 0)
            {
                paused.IntersectWith(assigned);
            }

            if (pauseRequested)
            {
                var assignment = assigned.Where(p => !paused.Contains(p)).ToList();
                if (assignment.Count > 0)
                {
                    client.Pause(assignment);
                    paused.UnionWith(assignment);
                }
            }
            else if (paused.Count > 0)
            {
                client.Resume(paused);
                paused.Clear();
            }
        }
    }
}
