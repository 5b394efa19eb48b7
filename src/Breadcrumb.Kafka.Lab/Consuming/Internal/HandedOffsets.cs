using System.Collections.Concurrent;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab.Consuming.Internal;

/// <summary>
/// For <c>ReadAllAsync</c>: remembers which kept records are still in the read-ahead buffer, so an offset is stored
/// (and committed) only once the caller has taken the record and come back for the next one. Records read ahead but
/// never handed over are then read again by the next consumer of the group: at least once, never lost.
/// </summary>
/// <remarks><see cref="Handed"/> runs on the caller's thread; the other members on the consumer's thread.</remarks>
internal sealed class HandedOffsets
{
    private readonly ConcurrentQueue<ConsumedRecord> handed = new();
    private readonly Dictionary<(string Topic, int Partition), Queue<long>> buffered = [];

    /// <summary>Notes that the caller finished with <paramref name="record"/>.</summary>
    public void Handed(ConsumedRecord record) => handed.Enqueue(record);

    /// <summary>Notes a kept record written to the buffer.</summary>
    public void Buffered(string topic, int partition, long offset)
    {
        if (!buffered.TryGetValue((topic, partition), out var offsets))
        {
            buffered[(topic, partition)] = offsets = new Queue<long>();
        }

        offsets.Enqueue(offset);
    }

    /// <summary>Limits the offset to store for a partition to its first record the caller has not finished with.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="partition">The partition.</param>
    /// <param name="next">The offset after the last record the loop read.</param>
    /// <returns><paramref name="next"/>, or the offset of the oldest record still buffered or held by the caller.</returns>
    public long Limit(string topic, int partition, long next)
    {
        while (handed.TryDequeue(out var record))
        {
            if (buffered.TryGetValue((record.Topic, record.Partition), out var done) && done.Count > 0)
            {
                done.Dequeue();
            }
        }

        return buffered.TryGetValue((topic, partition), out var offsets) && offsets.Count > 0 ? Math.Min(offsets.Peek(), next) : next;
    }
}
