using System.Runtime.InteropServices;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Checks that records of each key arrive in order: within a partition, offsets of the same key must strictly
/// increase. Counts records per key on the way. A pure, single-threaded tracker with no client or clock.
/// </summary>
/// <remarks>
/// Kafka orders records only within a partition, so order is tracked per (topic, partition, key). A consumer that
/// re-reads after a rebalance or a seek breaks order here, which is what the lab's section F asks to observe.
/// Not thread-safe: use one checker per consumer.
/// </remarks>
public sealed class KeyOrderChecker
{
    /// <summary>The label used for records that have no key.</summary>
    public const string NullKeyLabel = "<null>";

    /// <summary>The number of violations kept in <see cref="Violations"/>; later ones are only counted.</summary>
    public const int MaxViolationsKept = 100;

    private readonly Dictionary<(string Topic, int Partition), Dictionary<string, KeyProgress>> partitions = [];
    private readonly List<KeyOrderViolation> violations = [];
    private string? lastTopic;
    private int lastPartition = -1;
    private Dictionary<string, KeyProgress>? lastKeys;

    /// <summary>Gets a value indicating whether every observed record came after the previous one of its key.</summary>
    public bool Held => ViolationCount == 0;

    /// <summary>Gets the number of records observed.</summary>
    public long Observed { get; private set; }

    /// <summary>Gets the number of records that came out of order.</summary>
    public long ViolationCount { get; private set; }

    /// <summary>Gets the first <see cref="MaxViolationsKept"/> violations, in the order they were seen.</summary>
    public IReadOnlyList<KeyOrderViolation> Violations => violations;

    /// <summary>Records one consumed record and checks it against the previous one of its key in its partition.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="partition">The partition.</param>
    /// <param name="key">The record key, or <see langword="null"/>.</param>
    /// <param name="offset">The record's offset.</param>
    /// <returns><see langword="true"/> when the record is in order; <see langword="false"/> when it is a violation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="topic"/> is <see langword="null"/>.</exception>
    public bool Observe(string topic, int partition, string? key, long offset)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var keys = KeysOf(topic, partition);
        var label = key ?? NullKeyLabel;
        ref var progress = ref CollectionsMarshal.GetValueRefOrAddDefault(keys, label, out var existed);
        Observed++;
        var inOrder = !existed || offset > progress.LastOffset;
        if (!inOrder)
        {
            ViolationCount++;
            if (violations.Count < MaxViolationsKept)
            {
                violations.Add(new KeyOrderViolation(topic, partition, label, progress.LastOffset, offset));
            }
        }

        progress.LastOffset = existed ? Math.Max(progress.LastOffset, offset) : offset;
        progress.Count++;
        return inOrder;
    }

    /// <summary>Returns how many records were observed per key, over all partitions.</summary>
    /// <returns>A new dictionary from key (or <see cref="NullKeyLabel"/>) to count.</returns>
    public IReadOnlyDictionary<string, long> CountsByKey()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var keys in partitions.Values)
        {
            foreach (var (key, progress) in keys)
            {
                counts[key] = counts.GetValueOrDefault(key) + progress.Count;
            }
        }

        return counts;
    }

    private Dictionary<string, KeyProgress> KeysOf(string topic, int partition)
    {
        // Records come in runs from one partition, so the last partition's table is usually the one needed.
        if (lastKeys is not null && partition == lastPartition && string.Equals(topic, lastTopic, StringComparison.Ordinal))
        {
            return lastKeys;
        }

        ref var keys = ref CollectionsMarshal.GetValueRefOrAddDefault(partitions, (topic, partition), out _);
        keys ??= new Dictionary<string, KeyProgress>(StringComparer.Ordinal);
        lastTopic = topic;
        lastPartition = partition;
        lastKeys = keys;
        return keys;
    }

    private struct KeyProgress
    {
        public long LastOffset;
        public long Count;
    }
}
