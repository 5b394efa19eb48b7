namespace Breadcrumb.Kafka.Lab;

/// <summary>Counts one topic's records by how their transactions ended.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="CommittedRecords">Records of committed transactions.</param>
/// <param name="AbortedRecords">Records of aborted or failed transactions.</param>
public sealed record TopicTransactionCounts(string Topic, int CommittedRecords, int AbortedRecords)
{
    /// <summary>Gets all records written to the topic, committed or not.</summary>
    public int TotalRecords => CommittedRecords + AbortedRecords;
}
