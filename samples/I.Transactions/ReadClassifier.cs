namespace Breadcrumb.Kafka.Samples.Transactions;

/// <summary>Sorts what a consumer received by the transaction each record's key names. Pure.</summary>
public static class ReadClassifier
{
    /// <summary>Classifies the received records.</summary>
    /// <param name="tags">How keys name transactions.</param>
    /// <param name="committed">Each transaction's outcome by number: true committed, false aborted or failed.</param>
    /// <param name="committedRecords">How many records the committed transactions wrote.</param>
    /// <param name="received">Every record received: topic, partition, offset and key (duplicates included).</param>
    /// <returns>Committed seen (distinct), aborted seen, seen twice, missed, and records naming no transaction of this producer.</returns>
    public static (int CommittedSeen, int AbortedSeen, int SeenTwice, int Missed, int Preexisting) Classify(
        TransactionTags tags,
        IReadOnlyDictionary<int, bool> committed,
        int committedRecords,
        IReadOnlyList<(string Topic, int Partition, long Offset, string? Key)> received)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(committed);
        ArgumentNullException.ThrowIfNull(received);
        var seen = new HashSet<(string, int, long)>();
        int committedSeen = 0, abortedSeen = 0, twice = 0, preexisting = 0;
        foreach (var (topic, partition, offset, key) in received)
        {
            if (!seen.Add((topic, partition, offset)))
            {
                twice++;
                continue;
            }

            switch (tags.Transaction(key) is { } t && committed.TryGetValue(t, out var isCommitted) ? isCommitted : (bool?)null)
            {
                case true:
                    committedSeen++;
                    break;
                case false:
                    abortedSeen++;
                    break;
                default:
                    preexisting++;
                    break;
            }
        }

        return (committedSeen, abortedSeen, twice, Math.Max(0, committedRecords - committedSeen), preexisting);
    }
}
