namespace Breadcrumb.Kafka.Samples.Transactions;

/// <summary>One part of section I: a run of transactional batches and one consumer's read of its topics.</summary>
/// <param name="Name">"one topic" or "two topics".</param>
/// <param name="Topics">The topics each batch wrote to.</param>
/// <param name="ClearedBefore">Records deleted from the topics before the part, so it starts on empty topics.</param>
/// <param name="Batches">The transactions run.</param>
/// <param name="CommittedBatches">The transactions committed.</param>
/// <param name="AbortedBatches">The transactions aborted (by the coin, or after an error).</param>
/// <param name="CommittedRecords">The records of committed transactions.</param>
/// <param name="AbortedRecords">The records of aborted transactions.</param>
/// <param name="ConsumedRecords">Every record the consumer received.</param>
/// <param name="CommittedSeen">Distinct records of committed transactions the consumer received.</param>
/// <param name="AbortedSeen">Records of aborted transactions the consumer received, identified by the transaction their key names.</param>
/// <param name="SeenTwice">Receipts of a record already received.</param>
/// <param name="Missed">Records of committed transactions the consumer never received.</param>
/// <param name="PreexistingRecords">Records received whose key names none of this part's transactions (data older than the part).</param>
public sealed record TransactionPart(
    string Name,
    IReadOnlyList<string> Topics,
    long ClearedBefore,
    int Batches,
    int CommittedBatches,
    int AbortedBatches,
    int CommittedRecords,
    int AbortedRecords,
    int ConsumedRecords,
    int CommittedSeen,
    int AbortedSeen,
    int SeenTwice,
    int Missed,
    int PreexistingRecords)
{
    /// <summary>Gets a value indicating whether the consumer received every committed record once and nothing else.</summary>
    public bool OnlyCommittedSeen => Missed == 0 && AbortedSeen == 0 && SeenTwice == 0 && PreexistingRecords == 0;
}
