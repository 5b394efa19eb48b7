namespace Breadcrumb.Kafka.Testing.Fidelity;

/// <summary>The fate of a transaction's records in one partition.</summary>
internal enum TransactionState
{
    /// <summary>Not yet committed or aborted: invisible to read_committed consumers.</summary>
    Open,

    /// <summary>Committed: visible to everyone.</summary>
    Committed,

    /// <summary>Aborted: read_committed consumers must skip it.</summary>
    Aborted,
}

/// <summary>
/// Follows transactions from the traffic: which offsets of which partition each producer wrote inside a transaction,
/// and whether that transaction is still open, committed or aborted. Also counts what was produced per partition.
/// </summary>
/// <remarks>Thread-safe: every connection of every broker proxy reports here.</remarks>
internal sealed class TransactionLedger
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Topic, int Partition), PartitionLog> partitions = [];
    private readonly Dictionary<long, List<TransactionRange>> openByProducer = [];

    /// <summary>Records records appended to a partition: for the retention guard, and for transactions.</summary>
    public void OnProduced(string topic, int partition, long baseOffset, long messages, long bytes, long producerId, bool transactional)
    {
        lock (gate)
        {
            var log = Log(topic, partition);
            log.ProducedBytes += bytes;
            log.ProducedMessages += messages;
            if (!transactional || messages <= 0)
            {
                return;
            }

            var last = baseOffset + messages - 1;
            var open = openByProducer.TryGetValue(producerId, out var ranges) ? ranges.Find(r => r.Log == log) : null;
            if (open is not null)
            {
                open.First = Math.Min(open.First, baseOffset);
                open.Last = Math.Max(open.Last, last);
                return;
            }

            var range = new TransactionRange(log, producerId, baseOffset, last);
            log.Add(range);
            if (ranges is null)
            {
                openByProducer[producerId] = ranges = [];
            }

            ranges.Add(range);
        }
    }

    /// <summary>Marks the producer's open transaction committed or aborted in every partition it wrote to.</summary>
    public void OnEnded(long producerId, bool committed)
    {
        lock (gate)
        {
            if (!openByProducer.Remove(producerId, out var ranges))
            {
                return;
            }

            foreach (var range in ranges)
            {
                range.State = committed ? TransactionState.Committed : TransactionState.Aborted;
                range.Log.Open.Remove(range);
            }
        }
    }

    /// <summary>Gets the first offset of the oldest open transaction in a partition, or <see langword="null"/>.</summary>
    public long? FirstOpenOffset(string topic, int partition)
    {
        lock (gate)
        {
            if (!partitions.TryGetValue((topic, partition), out var log) || log.Open.Count == 0)
            {
                return null;
            }

            return log.Open.Min(r => r.First);
        }
    }

    /// <summary>
    /// Says what became of the transactional records a producer wrote at an offset. Records the ledger has not
    /// seen acknowledged yet count as open: their transaction cannot have ended before their Produce response.
    /// </summary>
    public (TransactionState State, long FirstOffset) Classify(string topic, int partition, long producerId, long offset)
    {
        lock (gate)
        {
            if (partitions.TryGetValue((topic, partition), out var log))
            {
                for (var i = log.Ranges.Count - 1; i >= 0; i--)
                {
                    var r = log.Ranges[i];
                    if (r.ProducerId == producerId && r.First <= offset && offset <= r.Last)
                    {
                        return (r.State, r.First);
                    }
                }
            }

            return (TransactionState.Open, offset);
        }
    }

    /// <summary>Gets the bytes and records produced to a partition through the layer.</summary>
    public (long Bytes, long Messages) Produced(string topic, int partition)
    {
        lock (gate)
        {
            return partitions.TryGetValue((topic, partition), out var log) ? (log.ProducedBytes, log.ProducedMessages) : (0, 0);
        }
    }

    /// <summary>Forgets a deleted topic.</summary>
    public void Forget(string topic)
    {
        lock (gate)
        {
            foreach (var key in partitions.Keys.Where(k => k.Topic == topic).ToList())
            {
                partitions.Remove(key);
            }
        }
    }

    private PartitionLog Log(string topic, int partition)
    {
        if (!partitions.TryGetValue((topic, partition), out var log))
        {
            partitions[(topic, partition)] = log = new PartitionLog();
        }

        return log;
    }

    private sealed class PartitionLog
    {
        public List<TransactionRange> Ranges { get; } = [];

        public List<TransactionRange> Open { get; } = [];

        public long ProducedBytes { get; set; }

        public long ProducedMessages { get; set; }

        public void Add(TransactionRange range)
        {
            Ranges.Add(range);
            Open.Add(range);
        }
    }

    private sealed class TransactionRange(PartitionLog log, long producerId, long first, long last)
    {
        public PartitionLog Log { get; } = log;

        public long ProducerId { get; } = producerId;

        public long First { get; set; } = first;

        public long Last { get; set; } = last;

        public TransactionState State { get; set; } = TransactionState.Open;
    }
}
