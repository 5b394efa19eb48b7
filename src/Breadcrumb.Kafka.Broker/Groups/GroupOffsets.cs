namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>A committed offset, as OffsetFetch returns it.</summary>
internal readonly record struct CommittedOffset(long Offset, int LeaderEpoch, string? Metadata, long CommitTimestamp);

/// <summary>
/// A group's committed offsets, and the offsets transactional producers committed that wait for their
/// transaction's end (TxnOffsetCommit): they become visible on commit and vanish on abort. Guarded by the group's lock.
/// </summary>
internal sealed class GroupOffsets
{
    private readonly Dictionary<(string Topic, int Partition), CommittedOffset> committed = [];
    private readonly Dictionary<long, Dictionary<(string Topic, int Partition), CommittedOffset>> pending = [];

    public int Count => committed.Count;

    public void Commit(string topic, int partition, CommittedOffset offset) => committed[(topic, partition)] = offset;

    public CommittedOffset? Find(string topic, int partition) => committed.TryGetValue((topic, partition), out var found) ? found : null;

    public IEnumerable<(string Topic, int Partition, CommittedOffset Offset)> All() =>
        committed.OrderBy(e => e.Key.Topic, StringComparer.Ordinal).ThenBy(e => e.Key.Partition).Select(e => (e.Key.Topic, e.Key.Partition, e.Value));

    public bool Remove(string topic, int partition) => committed.Remove((topic, partition));

    public void RemoveTopic(string topic)
    {
        foreach (var key in committed.Keys.Where(k => k.Topic == topic).ToList())
        {
            committed.Remove(key);
        }
    }

    public void Clear()
    {
        committed.Clear();
        pending.Clear();
    }

    public void CommitPending(long producerId, string topic, int partition, CommittedOffset offset)
    {
        if (!pending.TryGetValue(producerId, out var offsets))
        {
            offsets = [];
            pending[producerId] = offsets;
        }

        offsets[(topic, partition)] = offset;
    }

    /// <summary>Applies (commit) or drops (abort) what a producer's transaction committed.</summary>
    public void CompletePending(long producerId, bool commit)
    {
        if (pending.Remove(producerId, out var offsets) && commit)
        {
            foreach (var (key, offset) in offsets)
            {
                committed[key] = offset;
            }
        }
    }

    /// <summary>Gets whether an open transaction holds an offset for the partition (require_stable answers UNSTABLE_OFFSET_COMMIT).</summary>
    public bool HasPending(string topic, int partition) => pending.Values.Any(p => p.ContainsKey((topic, partition)));
}
