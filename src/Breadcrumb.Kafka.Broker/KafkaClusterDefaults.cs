namespace Breadcrumb.Kafka.Broker;

/// <summary>The defaults of <see cref="KafkaClusterOptions"/>, in one place.</summary>
internal static class KafkaClusterDefaults
{
    public const int BrokerCount = 1;
    public const int MaxBrokerCount = 64;
    public const string Host = "127.0.0.1";
    public const int FirstNodeId = 1;
    public const int DefaultPartitions = 1;
    public const long MemoryBudgetBytes = 1L << 30;
    public const int MaxRequestBytes = 100 * 1024 * 1024;
    public const int MaxConnectionsPerBroker = 1000;
    public static readonly TimeSpan ConnectionIdleTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan RetentionCheckInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan GroupMinSessionTimeout = TimeSpan.FromSeconds(6);
    public static readonly TimeSpan GroupMaxSessionTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan ConsumerGroupHeartbeatInterval = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan ConsumerGroupSessionTimeout = TimeSpan.FromSeconds(45);
    public static readonly TimeSpan TransactionMaxTimeout = TimeSpan.FromMinutes(15);
}
