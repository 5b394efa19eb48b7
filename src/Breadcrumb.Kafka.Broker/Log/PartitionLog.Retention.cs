namespace Breadcrumb.Kafka.Broker.Log;

/// <summary>Moving the log start forward: retention by time and size, and DeleteRecords.</summary>
internal sealed partial class PartitionLog
{
    /// <summary>
    /// Deletes the oldest batches older than <paramref name="retentionMs"/> (by their max timestamp, as Kafka
    /// judges segments) and, while the log would still hold at least <paramref name="retentionBytes"/> without
    /// it, the oldest batch. -1 turns either rule off. Returns the bytes freed.
    /// </summary>
    public long EnforceRetention(long nowMs, long retentionMs, long retentionBytes)
    {
        if (retentionMs < 0 && retentionBytes < 0)
        {
            return 0;
        }

        long freed = 0;
        lock (sync)
        {
            while (head < batches.Count)
            {
                var oldest = batches[head];
                var expired = retentionMs >= 0 && oldest.MaxTimestamp < nowMs - retentionMs;
                var oversize = retentionBytes >= 0 && sizeBytes - oldest.Size >= retentionBytes;
                if (!expired && !oversize)
                {
                    break;
                }

                freed += RemoveOldestLocked();
                logStartOffset = Math.Max(logStartOffset, oldest.LastOffset + 1);
            }

            ForgetAbortedBelow(logStartOffset);

            CompactHeadLocked();
        }

        if (freed > 0)
        {
            changed.Pulse();
        }

        return freed;
    }

    /// <summary>
    /// Moves the log start offset to <paramref name="offset"/> (-1: the high watermark), dropping whole batches
    /// below it. The log start never moves back. Returns the new log start offset, or null when the offset is
    /// beyond the high watermark.
    /// </summary>
    public long? DeleteRecordsBefore(long offset)
    {
        lock (sync)
        {
            var target = offset == -1 ? logEndOffset : offset;
            if (target < 0 || target > logEndOffset)
            {
                return null;
            }

            if (target > logStartOffset)
            {
                logStartOffset = target;
                while (head < batches.Count && batches[head].LastOffset < target)
                {
                    RemoveOldestLocked();
                }

                ForgetAbortedBelow(target);

                CompactHeadLocked();
            }

            return logStartOffset;
        }
    }

    private long RemoveOldestLocked()
    {
        var oldest = batches[head];
        batches[head] = null!;
        head++;
        sizeBytes -= oldest.Size;
        budget.Release(oldest.Size);
        return oldest.Size;
    }

    private void CompactHeadLocked()
    {
        if (head > 0 && (head == batches.Count || head > 1024 && head > batches.Count / 2))
        {
            batches.RemoveRange(0, head);
            head = 0;
        }
    }
}
