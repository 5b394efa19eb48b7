namespace Breadcrumb.Kafka.Broker.Log;

/// <summary>What the sequence check says about a batch of an idempotent producer.</summary>
internal enum SequenceVerdict
{
    Append,
    Duplicate,
    OutOfOrder,
    StaleEpoch,
}

/// <summary>The metadata of one appended batch of an idempotent producer, kept to answer a retry.</summary>
internal readonly record struct AppendedBatch(int FirstSequence, int LastSequence, long BaseOffset, long LogAppendTime, long MaxTimestamp = -1);

/// <summary>An idempotent producer as DescribeProducers shows it.</summary>
internal readonly record struct ProducerSnapshot(long ProducerId, short Epoch, int LastSequence, long LastTimestamp);

/// <summary>
/// Per partition, each idempotent producer's epoch and its last five batches (KIP-98): a retried batch is
/// recognised by its sequence range and answered with its original offset; a gap in sequences is refused.
/// </summary>
internal sealed class ProducerStateTable
{
    /// <summary>Kafka keeps five, matching max.in.flight.requests.per.connection ≤ 5 for idempotent producers.</summary>
    public const int CachedBatches = 5;

    private readonly Dictionary<long, Entry> entries = [];

    public int Count => entries.Count;

    public SequenceVerdict Check(long producerId, short epoch, int firstSequence, int lastSequence, out AppendedBatch duplicateOf)
    {
        duplicateOf = default;
        if (!entries.TryGetValue(producerId, out var entry))
        {
            // No state (a new producer, or its records were deleted): Kafka accepts any first sequence.
            return SequenceVerdict.Append;
        }

        if (epoch < entry.Epoch)
        {
            return SequenceVerdict.StaleEpoch;
        }

        if (epoch > entry.Epoch)
        {
            return firstSequence == 0 ? SequenceVerdict.Append : SequenceVerdict.OutOfOrder;
        }

        foreach (var batch in entry.Recent)
        {
            if (batch.FirstSequence == firstSequence && batch.LastSequence == lastSequence)
            {
                duplicateOf = batch;
                return SequenceVerdict.Duplicate;
            }
        }

        var last = entry.Recent.Count > 0 ? entry.Recent.Last().LastSequence : -1;
        var inSequence = firstSequence == last + 1 || (firstSequence == 0 && last == int.MaxValue);
        return inSequence ? SequenceVerdict.Append : SequenceVerdict.OutOfOrder;
    }

    public void Record(long producerId, short epoch, AppendedBatch batch)
    {
        if (!entries.TryGetValue(producerId, out var entry) || entry.Epoch != epoch)
        {
            entry = new Entry(epoch);
            entries[producerId] = entry;
        }

        entry.Recent.Enqueue(batch);
        if (entry.Recent.Count > CachedBatches)
        {
            entry.Recent.Dequeue();
        }
    }

    /// <summary>
    /// Notes a transaction marker: a marker with a newer epoch (the coordinator fenced the producer, or it
    /// re-initialised) starts the producer afresh at that epoch, so older epochs are refused from now on.
    /// </summary>
    public void RecordMarker(long producerId, short epoch)
    {
        if (!entries.TryGetValue(producerId, out var entry) || entry.Epoch < epoch)
        {
            entries[producerId] = new Entry(epoch);
        }
    }

    /// <summary>Lists the producers with state on this partition.</summary>
    public IReadOnlyList<ProducerSnapshot> Snapshot() =>
        [.. entries.Select(e => new ProducerSnapshot(
            e.Key, e.Value.Epoch, e.Value.Recent.Count > 0 ? e.Value.Recent.Last().LastSequence : -1, e.Value.Recent.Count > 0 ? e.Value.Recent.Last().MaxTimestamp : -1))];

    /// <summary>Gets the epoch a producer last wrote with on this partition, if it wrote at all.</summary>
    public short? EpochOf(long producerId) => entries.TryGetValue(producerId, out var entry) ? entry.Epoch : null;

    /// <summary>Computes a batch's last sequence as Kafka does: sequences wrap from int.MaxValue to 0.</summary>
    public static int LastSequenceOf(int baseSequence, int lastOffsetDelta) =>
        baseSequence > int.MaxValue - lastOffsetDelta
            ? lastOffsetDelta - (int.MaxValue - baseSequence) - 1
            : baseSequence + lastOffsetDelta;

    private sealed class Entry(short epoch)
    {
        public short Epoch { get; } = epoch;

        public Queue<AppendedBatch> Recent { get; } = new(CachedBatches + 1);
    }
}
