namespace Breadcrumb.Kafka.IntegrationTests.Transactions;

/// <summary>What a transaction scenario needs from the broker beyond producing transactions.</summary>
public enum BrokerRequirement
{
    /// <summary>read_committed consumers skip aborted records and stop at the last stable offset.</summary>
    ReadCommitted,

    /// <summary>Offsets sent with a transaction become the group's committed offsets when, and only when, it commits.</summary>
    TransactionalOffsets,

    /// <summary>A producer that initializes a transactional id fences the earlier producer with that id.</summary>
    Fencing,
}
