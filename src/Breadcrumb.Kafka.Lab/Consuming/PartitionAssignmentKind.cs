namespace Breadcrumb.Kafka.Lab;

/// <summary>Says how a consumer's partitions changed.</summary>
public enum PartitionAssignmentKind
{
    /// <summary>Partitions were added to the consumer.</summary>
    Assigned,

    /// <summary>Partitions were taken away in an orderly rebalance (offsets committed first).</summary>
    Revoked,

    /// <summary>Partitions were lost (the consumer fell out of the group; offsets may not be committed).</summary>
    Lost,
}
