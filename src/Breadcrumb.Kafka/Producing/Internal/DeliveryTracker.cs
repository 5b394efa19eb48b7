using System.Runtime.InteropServices;

namespace Breadcrumb.Kafka.Producing;

/// <summary>
/// Counts sends and delivery reports for a producer or one run, thread-safely: sends come from callers' threads,
/// reports from librdkafka's poll thread and from flushing threads, sometimes at the same time.
/// </summary>
internal sealed class DeliveryTracker(string producer, string topic)
{
    internal const int MaxFailures = 1000;

    private readonly Lock gate = new();
    private readonly List<FailedRecord> failures = [];
    private PartitionStats[] partitions = new PartitionStats[8];
    private PaddedCount sent;
    private long delivered;
    private long failed;

    /// <summary>Gets how many sent records have no report yet.</summary>
    public long Pending
    {
        get
        {
            lock (gate)
            {
                return Volatile.Read(ref sent.Value) - delivered - failed;
            }
        }
    }

    /// <summary>Counts a record about to be handed to the client (before, so a fast report never overtakes it).</summary>
    public void OnSending() => Interlocked.Increment(ref sent.Value);

    /// <summary>Takes back <see cref="OnSending"/> when the client refused the record.</summary>
    public void OnNotSent() => Interlocked.Decrement(ref sent.Value);

    public void OnDelivered(int partition, long offset)
    {
        lock (gate)
        {
            delivered++;
            if (partition >= partitions.Length)
            {
                Array.Resize(ref partitions, Math.Max(partition + 1, partitions.Length * 2));
            }

            ref var stats = ref partitions[partition];
            if (stats.Count == 0)
            {
                stats.First = offset;
                stats.Last = offset;
            }
            else
            {
                // Min/max rather than first/last seen: two threads may raise reports of one partition concurrently.
                stats.First = Math.Min(stats.First, offset);
                stats.Last = Math.Max(stats.Last, offset);
            }

            stats.Count++;
        }
    }

    public void OnFailed(FailedRecord failure)
    {
        lock (gate)
        {
            failed++;
            if (failures.Count < MaxFailures)
            {
                failures.Add(failure);
            }
        }
    }

    public ProduceRunSummary Snapshot()
    {
        lock (gate)
        {
            var list = new List<PartitionOffsets>();
            for (var p = 0; p < partitions.Length; p++)
            {
                if (partitions[p].Count > 0)
                {
                    list.Add(new PartitionOffsets(p, partitions[p].First, partitions[p].Last, partitions[p].Count));
                }
            }

            return new ProduceRunSummary(producer, topic, Volatile.Read(ref sent.Value), delivered, failed, list, [.. failures]);
        }
    }

    // Sends are counted on the caller's thread, reports on librdkafka's: keep the send count on a cache line of its
    // own so the two threads do not bounce one line between cores on every record.
    [StructLayout(LayoutKind.Explicit, Size = 192)]
    private struct PaddedCount
    {
        [FieldOffset(64)]
        public long Value;
    }

    private struct PartitionStats
    {
        public long First;
        public long Last;
        public long Count;
    }
}
