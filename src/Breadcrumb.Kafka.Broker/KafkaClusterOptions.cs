using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Broker;

/// <summary>
/// Configures an in-process <see cref="KafkaCluster"/>: its brokers and listeners, topic defaults and limits.
/// Every value is checked when the cluster starts; a bad one fails with the option's name and allowed range.
/// </summary>
public sealed class KafkaClusterOptions
{
    /// <summary>Gets or sets how many brokers to run, each on its own port, partition leaders spread across them.</summary>
    /// <value>Default 1; at most 64.</value>
    public int BrokerCount { get; set; } = KafkaClusterDefaults.BrokerCount;

    /// <summary>Gets or sets the address the brokers listen on and advertise.</summary>
    /// <value>Default <c>127.0.0.1</c>.</value>
    public string Host { get; set; } = KafkaClusterDefaults.Host;

    /// <summary>Gets the port of each broker, in order; empty picks free ports. When set, it needs one port per broker.</summary>
    public IList<int> Ports { get; } = [];

    /// <summary>Gets or sets the node id of the first broker; the others count up from it.</summary>
    /// <value>Default 1.</value>
    public int FirstNodeId { get; set; } = KafkaClusterDefaults.FirstNodeId;

    /// <summary>Gets or sets the cluster id brokers report; null makes a new random one.</summary>
    public string? ClusterId { get; set; }

    /// <summary>Gets or sets whether Metadata requests for unknown topics create them (auto.create.topics.enable).</summary>
    /// <value>Default true, as in Kafka.</value>
    public bool AutoCreateTopics { get; set; } = true;

    /// <summary>Gets or sets the partition count of auto-created topics and of CreateTopics asking for -1 (num.partitions).</summary>
    /// <value>Default 1, as in Kafka.</value>
    public int DefaultPartitions { get; set; } = KafkaClusterDefaults.DefaultPartitions;

    /// <summary>
    /// Gets or sets the bytes all partitions together may hold. A produce that would pass it fails with
    /// POLICY_VIOLATION and a message naming this option; nothing stored is dropped. 0 removes the limit.
    /// </summary>
    /// <value>Default 1 GiB.</value>
    public long MemoryBudgetBytes { get; set; } = KafkaClusterDefaults.MemoryBudgetBytes;

    /// <summary>Gets or sets the largest request frame a connection may send (socket.request.max.bytes); a larger one closes it.</summary>
    /// <value>Default 100 MiB, as in Kafka.</value>
    public int MaxRequestBytes { get; set; } = KafkaClusterDefaults.MaxRequestBytes;

    /// <summary>Gets or sets how many client connections each broker accepts at once; more are closed on accept.</summary>
    /// <value>Default 1,000.</value>
    public int MaxConnectionsPerBroker { get; set; } = KafkaClusterDefaults.MaxConnectionsPerBroker;

    /// <summary>Gets or sets how long a connection may send nothing before the broker closes it (connections.max.idle.ms).</summary>
    /// <value>Default 10 minutes, as in Kafka.</value>
    public TimeSpan ConnectionIdleTimeout { get; set; } = KafkaClusterDefaults.ConnectionIdleTimeout;

    /// <summary>Gets or sets how often retention by time and size runs over every partition (it also runs on each append).</summary>
    /// <value>Default 1 second.</value>
    public TimeSpan RetentionCheckInterval { get; set; } = KafkaClusterDefaults.RetentionCheckInterval;

    /// <summary>
    /// Gets topic config values that replace Kafka's defaults for every topic (like broker-level <c>log.*</c>
    /// settings), e.g. <c>retention.ms</c>. The embedded broker's own default keeps records forever (retention.ms -1).
    /// </summary>
    public IDictionary<string, string> TopicDefaults { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets how long a new classic group waits for more members before its first rebalance ends
    /// (group.initial.rebalance.delay.ms). Kafka waits 3 seconds; the embedded broker does not wait.
    /// </summary>
    /// <value>Default zero.</value>
    public TimeSpan GroupInitialRebalanceDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Gets or sets the shortest session timeout a classic member may ask for (group.min.session.timeout.ms).</summary>
    /// <value>Default 6 seconds, as in Kafka.</value>
    public TimeSpan GroupMinSessionTimeout { get; set; } = KafkaClusterDefaults.GroupMinSessionTimeout;

    /// <summary>Gets or sets the longest session timeout a classic member may ask for (group.max.session.timeout.ms).</summary>
    /// <value>Default 30 minutes, as in Kafka.</value>
    public TimeSpan GroupMaxSessionTimeout { get; set; } = KafkaClusterDefaults.GroupMaxSessionTimeout;

    /// <summary>
    /// Gets or sets how often consumer-protocol (KIP-848) members heartbeat (group.consumer.heartbeat.interval.ms).
    /// The broker sets it, and members learn about rebalances at their next heartbeat: Kafka's 5 seconds would make
    /// every rebalance in a test take seconds, so the embedded broker asks for 100 ms.
    /// </summary>
    /// <value>Default 100 milliseconds.</value>
    public TimeSpan ConsumerGroupHeartbeatInterval { get; set; } = KafkaClusterDefaults.ConsumerGroupHeartbeatInterval;

    /// <summary>Gets or sets how long a consumer-protocol member may go without a heartbeat (group.consumer.session.timeout.ms).</summary>
    /// <value>Default 45 seconds, as in Kafka.</value>
    public TimeSpan ConsumerGroupSessionTimeout { get; set; } = KafkaClusterDefaults.ConsumerGroupSessionTimeout;

    /// <summary>Gets or sets the longest transaction.timeout.ms a transactional producer may ask for (transaction.max.timeout.ms).</summary>
    /// <value>Default 15 minutes, as in Kafka.</value>
    public TimeSpan TransactionMaxTimeout { get; set; } = KafkaClusterDefaults.TransactionMaxTimeout;

    /// <summary>Gets or sets what the listeners ask of a connection: TLS, SASL authentication, both, or neither.</summary>
    /// <value>Default <see cref="KafkaSecurityProtocol.Plaintext"/>.</value>
    public KafkaSecurityProtocol SecurityProtocol { get; set; } = KafkaSecurityProtocol.Plaintext;

    /// <summary>Gets the users SASL accepts (username → password) for PLAIN and SCRAM; passwords are never logged.</summary>
    public IDictionary<string, string> SaslUsers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the SASL mechanisms to enable; empty enables PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512.</summary>
    public IList<string> SaslMechanisms { get; } = [];

    /// <summary>
    /// Gets or sets the TLS server certificate (with its private key); null makes a CA and a certificate for the
    /// listen address at start, and writes the CA to <see cref="KafkaCluster.CaCertificatePath"/> for clients.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? TlsCertificate { get; set; }

    /// <summary>Gets or sets the clock for timestamps, retention and timeouts.</summary>
    /// <value>Default <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets where the broker logs connections, refused requests and errors; null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
