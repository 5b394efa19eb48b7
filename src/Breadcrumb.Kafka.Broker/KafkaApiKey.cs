namespace Breadcrumb.Kafka.Broker;

/// <summary>Names the Kafka APIs the broker serves, by their protocol API keys (fault injection targets them).</summary>
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

    /// <summary>LeaveGroup (13).</summary>
    LeaveGroup = 13,

    /// <summary>SyncGroup (14).</summary>
    SyncGroup = 14,

    /// <summary>DescribeGroups (15).</summary>
    DescribeGroups = 15,

    /// <summary>ListGroups (16).</summary>
    ListGroups = 16,

    /// <summary>SaslHandshake (17).</summary>
    SaslHandshake = 17,

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

    /// <summary>OffsetForLeaderEpoch (23).</summary>
    OffsetForLeaderEpoch = 23,

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

    /// <summary>AlterConfigs (33).</summary>
    AlterConfigs = 33,

    /// <summary>DescribeLogDirs (35).</summary>
    DescribeLogDirs = 35,

    /// <summary>SaslAuthenticate (36).</summary>
    SaslAuthenticate = 36,

    /// <summary>CreatePartitions (37).</summary>
    CreatePartitions = 37,

    /// <summary>DeleteGroups (42).</summary>
    DeleteGroups = 42,

    /// <summary>IncrementalAlterConfigs (44).</summary>
    IncrementalAlterConfigs = 44,

    /// <summary>OffsetDelete (47).</summary>
    OffsetDelete = 47,

    /// <summary>DescribeCluster (60).</summary>
    DescribeCluster = 60,

    /// <summary>DescribeTransactions (65).</summary>
    DescribeTransactions = 65,

    /// <summary>ListTransactions (66).</summary>
    ListTransactions = 66,

    /// <summary>ConsumerGroupHeartbeat (68).</summary>
    ConsumerGroupHeartbeat = 68,

    /// <summary>ConsumerGroupDescribe (69).</summary>
    ConsumerGroupDescribe = 69,
}
