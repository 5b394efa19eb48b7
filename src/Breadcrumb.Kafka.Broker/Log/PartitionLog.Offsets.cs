using Breadcrumb.Kafka.Broker.Protocol.Records;

namespace Breadcrumb.Kafka.Broker.Log;

/// <summary>ListOffsets lookups by time: the first record at or after a timestamp, and the record with the largest.</summary>
internal sealed partial class PartitionLog
{
    /// <summary>
    /// Finds the first record whose timestamp is at least <paramref name="target"/>, at or above the log start.
    /// In a compressed batch, which is kept as sent and not opened, it answers the batch's first offset and max
    /// timestamp. (-1, -1) when no record is that late.
    /// </summary>
    public (long Offset, long Timestamp) OffsetForTimestamp(long target)
    {
        (long, long) answer = (-1, -1);
        var floor = LogStartOffset;
        Scan(floor, batch =>
        {
            if (batch.IsControl || batch.MaxTimestamp < target)
            {
                return true;
            }

            if (RecordScanner.TryFindAtOrAfter(batch.Data, target, out var offset, out var timestamp))
            {
                answer = offset >= floor ? (offset, timestamp) : (floor, timestamp);
                return false;
            }

            answer = (Math.Max(batch.BaseOffset, floor), batch.MaxTimestamp);
            return false;
        });
        return answer;
    }

    /// <summary>Finds the first record carrying the largest timestamp in the log (KIP-734); (-1, -1) when empty.</summary>
    public (long Offset, long Timestamp) OffsetOfMaxTimestamp()
    {
        StoredBatch? best = null;
        Scan(LogStartOffset, batch =>
        {
            if (!batch.IsControl && (best is null || batch.MaxTimestamp > best.MaxTimestamp))
            {
                best = batch;
            }

            return true;
        });
        if (best is null)
        {
            return (-1, -1);
        }

        return RecordScanner.TryFindMaxTimestamp(best.Data, out var offset, out var timestamp)
            ? (offset, timestamp)
            : (best.LastOffset, best.MaxTimestamp);
    }
}
