namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>The ACL operation bitfields Metadata and DescribeCluster report when asked; with no ACLs, everything is allowed.</summary>
internal static class AuthorizedOperations
{
    /// <summary>Kafka's "not asked for" value.</summary>
    public const int NotRequested = int.MinValue;

    /// <summary>READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS.</summary>
    public const int Topic = (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 8) | (1 << 10) | (1 << 11);

    /// <summary>READ, DELETE, DESCRIBE.</summary>
    public const int Group = (1 << 3) | (1 << 6) | (1 << 8);

    /// <summary>CREATE, ALTER, DESCRIBE, CLUSTER_ACTION, DESCRIBE_CONFIGS, ALTER_CONFIGS, IDEMPOTENT_WRITE.</summary>
    public const int Cluster = (1 << 5) | (1 << 7) | (1 << 8) | (1 << 9) | (1 << 10) | (1 << 11) | (1 << 12);
}
