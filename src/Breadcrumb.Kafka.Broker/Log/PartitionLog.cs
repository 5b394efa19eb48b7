namespace Breadcrumb.Kafka.Broker.Log;

/// <summary>
/// One partition's records in memory: batches as producers sent them, in offset order, with the log start
/// offset (low watermark), the log end offset (= high watermark: no replication) and the idempotent producers'
/// state. Thread-safe: one lock per partition; stored batches are never changed, so readers share them.
/// </summary>
internal sealed partial class PartitionLog
{
    private readonly Lock sync = new();
    private readonly List<StoredBatch> batches = [];
    private readonly ProducerStateTable producers = new();
    private readonly AsyncSignal changed = new();
    private readonly MemoryBudget budget;
    private int head;
    private long sizeBytes;
    private long logStartOffset;
    private long logEndOffset;

    public PartitionLog(string topic, int partition, MemoryBudget budget)
    {
        Topic = topic;
        Partition = partition;
        this.budget = budget;
    }

    public string Topic { get; }

    public int Partition { get; }

    /// <summary>Gets the leader epoch: partitions never move, so it stays 0.</summary>
    public int LeaderEpoch { get; private set; }

    public long LogStartOffset
    {
        get
        {
            lock (sync)
            {
                return logStartOffset;
            }
        }
    }

    public long HighWatermark
    {
        get
        {
            lock (sync)
            {
                return logEndOffset;
            }
        }
    }

    public long SizeBytes
    {
        get
        {
            lock (sync)
            {
                return sizeBytes;
            }
        }
    }

    /// <summary>Returns a task that completes when the log next changes (an append, a delete).</summary>
    public Task WaitForChangeAsync() => changed.WaitAsync();

    /// <summary>Drops every batch and gives their bytes back (the topic is being deleted).</summary>
    public void Clear()
    {
        lock (sync)
        {
            budget.Release(sizeBytes);
            batches.Clear();
            head = 0;
            sizeBytes = 0;
        }

        changed.Pulse();
    }

    /// <summary>Gets the stored batches from <paramref name="offset"/> (whole batches) below <paramref name="upTo"/>.</summary>
    public FetchSlice Read(long offset, int maxBytes, bool minOneBatch, long upTo)
    {
        lock (sync)
        {
            var start = FindBatch(offset);
            var segments = new List<ReadOnlyMemory<byte>>();
            var bytes = 0;
            for (var i = start; i >= 0 && i < batches.Count; i++)
            {
                var batch = batches[i];
                if (batch.BaseOffset >= upTo)
                {
                    break;
                }

                if (bytes + batch.Size > maxBytes && !(minOneBatch && segments.Count == 0))
                {
                    break;
                }

                segments.Add(batch.Data);
                bytes += batch.Size;
            }

            return new FetchSlice(segments, bytes, logStartOffset, logEndOffset);
        }
    }

    /// <summary>Visits the batches at or after <paramref name="offset"/>, oldest first, while the visitor says go on.</summary>
    public void Scan(long offset, Func<StoredBatch, bool> visit)
    {
        List<StoredBatch> snapshot;
        lock (sync)
        {
            var start = Math.Max(FindBatch(offset), head);
            snapshot = batches.GetRange(start, batches.Count - start);
        }

        foreach (var batch in snapshot)
        {
            if (!visit(batch))
            {
                return;
            }
        }
    }

    /// <summary>Returns the index of the batch holding <paramref name="offset"/>, or of the first batch after it.</summary>
    private int FindBatch(long offset)
    {
        int lo = head, hi = batches.Count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (batches[mid].LastOffset < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}

/// <summary>What a read found: the batches, their size, and the partition's watermarks at that moment.</summary>
internal readonly record struct FetchSlice(IReadOnlyList<ReadOnlyMemory<byte>> Segments, int Bytes, long LogStartOffset, long HighWatermark);
