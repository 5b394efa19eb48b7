using System.Diagnostics;
using Breadcrumb.Kafka.Broker.Faults;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Server;
using Breadcrumb.Kafka.Broker.Topics;

namespace Breadcrumb.Kafka.Broker;

/// <summary>
/// A Kafka cluster in this process: one or more brokers on loopback ports speaking the Kafka protocol to any
/// client, with topics in memory. For tests, samples and local development; never a production Kafka (no
/// replication, no disk). Start it, give clients <see cref="BootstrapServers"/>, dispose it when done.
/// </summary>
/// <remarks>Thread-safe. Disposing closes every connection and forgets every record.</remarks>
public sealed partial class KafkaCluster : IAsyncDisposable
{
    private readonly ClusterCore core;
    private readonly ITimer retentionTimer;
    private int disposed;

    private KafkaCluster(ClusterCore core)
    {
        this.core = core;
        retentionTimer = core.TimeProvider.CreateTimer(
            static state => ((ClusterCore)state!).EnforceRetention(), core, core.Options.RetentionCheckInterval, core.Options.RetentionCheckInterval);
    }

    /// <summary>Gets the brokers' addresses as clients take them: <c>host:port</c>, comma-separated.</summary>
    public string BootstrapServers => string.Join(',', core.Brokers.Select(b => $"{b.Host}:{b.Port}"));

    /// <summary>Gets the brokers, in node id order.</summary>
    public IReadOnlyList<KafkaBrokerEndpoint> Brokers => [.. core.Brokers.Select(b => new KafkaBrokerEndpoint(b.NodeId, b.Host, b.Port))];

    /// <summary>Gets the cluster id the brokers report in Metadata and DescribeCluster.</summary>
    public string ClusterId => core.ClusterId;

    /// <summary>Gets what the listeners ask of a connection, as clients' <c>security.protocol</c> names it.</summary>
    public KafkaSecurityProtocol SecurityProtocol => core.Security.Protocol;

    /// <summary>
    /// Gets the PEM file of the CA that signed the brokers' TLS certificate (clients' <c>ssl.ca.location</c>), when
    /// the cluster made its own certificate; null without TLS or with <see cref="KafkaClusterOptions.TlsCertificate"/>.
    /// The file is deleted when the cluster is disposed.
    /// </summary>
    public string? CaCertificatePath => core.Security.CaCertificatePath;

    /// <summary>Gets the faults to inject into this cluster: error codes, latency, dropped connections, lost responses.</summary>
    public KafkaFaults Faults => core.Faults;

    /// <summary>Gets the bytes all partitions hold now, counted against <see cref="KafkaClusterOptions.MemoryBudgetBytes"/>.</summary>
    public long StoredBytes => core.Budget.UsedBytes;

    /// <summary>Gets how long <see cref="Start"/> took to bind every listener.</summary>
    public TimeSpan StartupTime { get; private init; }

    internal ClusterCore Core => core;

    private Server.BrokerServer Broker(int nodeId) =>
        core.FindBroker(nodeId) ?? throw new ArgumentException($"No broker has node id {nodeId}; the brokers are {string.Join(", ", core.Brokers.Select(b => b.NodeId))}.", nameof(nodeId));

    /// <summary>Starts the brokers: binds their listeners and returns once they accept connections.</summary>
    /// <param name="options">The cluster's settings; null takes the defaults (one broker on a free loopback port).</param>
    /// <returns>The running cluster.</returns>
    /// <exception cref="ArgumentException">An option is out of range; the message names each one.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">A requested port is taken.</exception>
    public static KafkaCluster Start(KafkaClusterOptions? options = null)
    {
        options ??= new KafkaClusterOptions();
        KafkaClusterOptionsValidator.Validate(options);
        var started = Stopwatch.GetTimestamp();
        var core = new ClusterCore(options);
        var bound = new List<BrokerServer>();
        try
        {
            foreach (var broker in core.Brokers)
            {
                broker.Start();
                bound.Add(broker);
            }
        }
        catch
        {
            foreach (var broker in bound)
            {
                _ = broker.DisposeAsync().AsTask();
            }

            throw;
        }

        return new KafkaCluster(core) { StartupTime = Stopwatch.GetElapsedTime(started) };
    }

    /// <summary>Creates a topic, as CreateTopics would.</summary>
    /// <param name="name">The topic: 1–249 characters of <c>[a-zA-Z0-9._-]</c>, not "." or "..".</param>
    /// <param name="partitions">How many partitions, at least 1.</param>
    /// <param name="configs">Topic configs (retention.ms, max.message.bytes, …); null for the defaults.</param>
    /// <exception cref="ArgumentException">The name, partition count or a config is not valid, or the topic exists; the message is Kafka's.</exception>
    public void CreateTopic(string name, int partitions = 1, IReadOnlyDictionary<string, string>? configs = null)
    {
        var (error, message, _) = core.Topics.Create(name, partitions, 1, configs, validateOnly: false);
        if (error != ErrorCode.None)
        {
            throw new ArgumentException($"Cannot create topic '{name}': {message} ({error}).", nameof(name));
        }
    }

    /// <summary>Deletes a topic and its records; false if there was no such topic.</summary>
    public bool DeleteTopic(string name) => core.Topics.Find(name) is { } topic && core.DeleteTopic(topic);

    /// <summary>Moves a partition's log start offset to <paramref name="beforeOffset"/> (-1: the high watermark), as DeleteRecords does.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="partition">The partition.</param>
    /// <param name="beforeOffset">The new low watermark; it never moves back.</param>
    /// <returns>False when the partition does not exist or the offset is past its high watermark.</returns>
    public bool DeleteRecords(string topic, int partition, long beforeOffset) =>
        core.Topics.Find(topic)?.Partition(partition)?.DeleteRecordsBefore(beforeOffset) is not null;

    /// <summary>Gets the names of all topics.</summary>
    public IReadOnlyList<string> TopicNames => [.. core.Topics.All().Select(t => t.Name)];

    /// <summary>Describes a topic's partitions as they are now: leaders, watermarks and bytes; null if it does not exist.</summary>
    public KafkaTopicDescription? DescribeTopic(string name)
    {
        if (core.Topics.Find(name) is not { } topic)
        {
            return null;
        }

        return new KafkaTopicDescription(topic.Name, topic.Id, [.. topic.Partitions.Select((log, p) =>
            new KafkaPartitionDescription(p, topic.LeaderOf(p), log.LogStartOffset, log.HighWatermark, log.SizeBytes))]);
    }

    /// <summary>
    /// Takes a broker down: it stops listening and drops its connections; the partitions it leads have no leader
    /// and the groups and transactions it coordinates are unavailable (one copy per partition, as with replication
    /// factor 1) until <see cref="SetBrokerUp"/>. Its records stay.
    /// </summary>
    /// <param name="nodeId">The broker's node id.</param>
    /// <exception cref="ArgumentException">No broker has that node id.</exception>
    public Task SetBrokerDownAsync(int nodeId) => Broker(nodeId).StopAsync();

    /// <summary>Brings a broker back up on the port it had.</summary>
    /// <param name="nodeId">The broker's node id.</param>
    /// <exception cref="ArgumentException">No broker has that node id.</exception>
    public void SetBrokerUp(int nodeId)
    {
        var broker = Broker(nodeId);
        if (!broker.IsListening)
        {
            broker.Start();
        }
    }

    /// <summary>Stops every broker and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        core.IsStopping = true;
        await retentionTimer.DisposeAsync().ConfigureAwait(false);
        core.Transactions.Dispose();
        foreach (var broker in core.Brokers)
        {
            await broker.DisposeAsync().ConfigureAwait(false);
        }

        core.Security.Dispose();
    }
}
