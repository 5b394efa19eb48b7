namespace Breadcrumb.Kafka.Testing;

/// <summary>Names the Kafka protocol requests that fault injection can target.</summary>
#pragma warning disable CA1028 // The protocol defines API keys as 16-bit integers.
public enum KafkaApiKey : short
#pragma warning restore CA1028
{
    /// <summary>Produce (0).</summary>
    Produce = 0,

    /// <summary>Fetch (1).</summary>
    Fetch = 1,

    /// <summary>ListOffsets (2).</summary>
    ListOffsets = 2,

    /// <summary>Metadata (3).</summary>
    Metadata = 3,

    /// <summary>OffsetCommit (8).</summary>
    OffsetCommit = 8,

    /// <summary>OffsetFetch (9).</summary>
    OffsetFetch = 9,

    /// <summary>FindCoordinator (10).</summary>
    FindCoordinator = 10,

    /// <summary>JoinGroup (11).</summary>
    JoinGroup = 11,

    /// <summary>Heartbeat (12).</summary>
    Heartbeat = 12,

    /// <summary>SyncGroup (14).</summary>
    SyncGroup = 14,

    /// <summary>ApiVersions (18).</summary>
    ApiVersions = 18,

    /// <summary>CreateTopics (19).</summary>
    CreateTopics = 19,

    /// <summary>DeleteTopics (20).</summary>
    DeleteTopics = 20,

    /// <summary>DeleteRecords (21).</summary>
    DeleteRecords = 21,

    /// <summary>InitProducerId (22).</summary>
    InitProducerId = 22,

    /// <summary>AddPartitionsToTxn (24).</summary>
    AddPartitionsToTxn = 24,

    /// <summary>AddOffsetsToTxn (25).</summary>
    AddOffsetsToTxn = 25,

    /// <summary>EndTxn (26).</summary>
    EndTxn = 26,

    /// <summary>TxnOffsetCommit (28).</summary>
    TxnOffsetCommit = 28,

    /// <summary>DescribeConfigs (32).</summary>
    DescribeConfigs = 32,

    /// <summary>ConsumerGroupHeartbeat (68, KIP-848).</summary>
    ConsumerGroupHeartbeat = 68,
}
