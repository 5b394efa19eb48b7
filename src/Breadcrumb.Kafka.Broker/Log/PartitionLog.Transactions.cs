using Breadcrumb.Kafka.Broker.Protocol.Records;

namespace Breadcrumb.Kafka.Broker.Log;

/// <summary>An aborted transaction in a partition: its producer and the offsets from its first record to its ABORT marker.</summary>
internal readonly record struct AbortedTransaction(long ProducerId, long FirstOffset, long LastOffset);

/// <summary>
/// Transactions in a partition: the first offset of each open transaction (the last stable offset stops below
/// the earliest), the markers that end them, and the index of aborted ones that read_committed fetches carry.
/// </summary>
internal sealed partial class PartitionLog
{
    private readonly Dictionary<long, long> openTransactions = [];
    private readonly List<AbortedTransaction> aborted = [];

    /// <summary>
    /// Gets the last stable offset: read_committed readers stop below the first offset of a transaction still
    /// open. Without open transactions it is the high watermark.
    /// </summary>
    public long LastStableOffset
    {
        get
        {
            lock (sync)
            {
                return openTransactions.Count == 0 ? logEndOffset : Math.Min(logEndOffset, openTransactions.Values.Min());
            }
        }
    }

    /// <summary>Lists the producers with state here, and the first offset of each one's open transaction (-1 when none).</summary>
    public IReadOnlyList<(ProducerSnapshot Producer, long OpenTransactionStart)> Producers()
    {
        lock (sync)
        {
            return [.. producers.Snapshot().Select(p => (p, openTransactions.TryGetValue(p.ProducerId, out var first) ? first : -1L))];
        }
    }

    /// <summary>Gets whether the producer has a transaction open in this partition.</summary>
    public bool HasOpenTransaction(long producerId)
    {
        lock (sync)
        {
            return openTransactions.ContainsKey(producerId);
        }
    }

    /// <summary>Appends the COMMIT or ABORT marker of a producer's transaction and closes it here.</summary>
    public long AppendMarker(long producerId, short producerEpoch, bool commit, long nowMs)
    {
        var data = ControlBatch.Build(producerId, producerEpoch, commit, coordinatorEpoch: 0, nowMs);
        long offset;
        lock (sync)
        {
            budget.ForceReserve(data.Length);
            offset = logEndOffset;
            RecordBatchLayout.SetBaseOffset(data, offset);
            RecordBatchLayout.SetLeaderEpoch(data, LeaderEpoch);
            batches.Add(new StoredBatch
            {
                Data = data, BaseOffset = offset, LastOffset = offset, MaxTimestamp = nowMs,
                ProducerId = producerId, ProducerEpoch = producerEpoch, IsTransactional = true, IsControl = true,
            });
            sizeBytes += data.Length;
            logEndOffset = offset + 1;
            if (openTransactions.Remove(producerId, out var first) && !commit)
            {
                aborted.Add(new AbortedTransaction(producerId, first, offset));
            }

            producers.RecordMarker(producerId, producerEpoch);
        }

        changed.Pulse();
        return offset;
    }

    /// <summary>Gets the aborted transactions that overlap [<paramref name="from"/>, <paramref name="upTo"/>), for a read_committed fetch.</summary>
    public List<AbortedTransaction> AbortedBetween(long from, long upTo)
    {
        lock (sync)
        {
            return [.. aborted.Where(a => a.LastOffset >= from && a.FirstOffset < upTo)];
        }
    }

    private void TrackTransaction(BatchInfo info, long baseOffset)
    {
        if (info.IsTransactional && !openTransactions.ContainsKey(info.ProducerId))
        {
            openTransactions[info.ProducerId] = baseOffset;
        }
    }

    private void ForgetAbortedBelow(long offset) => aborted.RemoveAll(a => a.LastOffset < offset);
}
