using Breadcrumb.Kafka.Broker.Faults;
using Breadcrumb.Kafka.Broker.Groups;
using Breadcrumb.Kafka.Broker.Handlers;
using Breadcrumb.Kafka.Broker.Log;
using Breadcrumb.Kafka.Broker.Security;
using Breadcrumb.Kafka.Broker.Topics;
using Breadcrumb.Kafka.Broker.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Breadcrumb.Kafka.Broker.Server;

/// <summary>The state every broker of the cluster shares: options, clock, topics, memory budget, brokers and handlers.</summary>
internal sealed class ClusterCore
{
    public ClusterCore(KafkaClusterOptions options)
    {
        Options = options;
        TimeProvider = options.TimeProvider;
        Logger = options.LoggerFactory?.CreateLogger("Breadcrumb.Kafka.Broker") ?? NullLogger.Instance;
        ClusterId = options.ClusterId ?? NewClusterId();
        Budget = new MemoryBudget(options.MemoryBudgetBytes);
        Security = ClusterSecurity.Create(options, ClusterId);
        var defaults = new Dictionary<string, string>(options.TopicDefaults, StringComparer.Ordinal);
        Brokers = [.. Enumerable.Range(0, options.BrokerCount).Select(i =>
            new BrokerServer(this, options.FirstNodeId + i, options.Host, options.Ports.Count > 0 ? options.Ports[i] : 0))];
        Topics = new TopicRegistry(Budget, () => Brokers.Count, i => Brokers[i].NodeId, defaults);
        Groups = new GroupCoordinator(this, new GroupOptionsSnapshot(
            options.GroupInitialRebalanceDelay, options.GroupMinSessionTimeout, options.GroupMaxSessionTimeout,
            options.ConsumerGroupHeartbeatInterval, options.ConsumerGroupSessionTimeout));
        Transactions = new TransactionCoordinator(this);
        Dispatcher = new RequestDispatcher(HandlerSet.Create(), Logger);
        Faults = new KafkaFaults(nodeId =>
        {
            foreach (var broker in Brokers.Where(b => nodeId is null || b.NodeId == nodeId))
            {
                broker.AbortConnections();
            }
        });
    }

    public KafkaFaults Faults { get; }

    public ProducerIdAllocator ProducerIds { get; } = new();

    public TransactionCoordinator Transactions { get; }

    public GroupCoordinator Groups { get; }

    public KafkaClusterOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public string ClusterId { get; }

    public MemoryBudget Budget { get; }

    public ClusterSecurity Security { get; }

    public TopicRegistry Topics { get; }

    public IReadOnlyList<BrokerServer> Brokers { get; }

    public RequestDispatcher Dispatcher { get; }

    public bool IsStopping { get; set; }

    /// <summary>Gets the broker that acts as controller (and answers admin requests): the first one up.</summary>
    public BrokerServer Controller => Brokers.FirstOrDefault(b => b.IsListening) ?? Brokers[0];

    public long NowMs => TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    public BrokerServer? FindBroker(int nodeId) => Brokers.FirstOrDefault(b => b.NodeId == nodeId);

    /// <summary>Creates a topic as auto-creation does: default partitions, replication factor 1.</summary>
    public TopicState? AutoCreate(string name)
    {
        var (_, _, topic) = Topics.Create(name, Options.DefaultPartitions, 1, null, validateOnly: false);
        return topic ?? Topics.Find(name);
    }

    /// <summary>Deletes a topic with its records and every group's offsets for it.</summary>
    public bool DeleteTopic(TopicState topic)
    {
        if (Topics.Delete(topic) is null)
        {
            return false;
        }

        Groups.TopicDeleted(topic.Name);
        return true;
    }

    /// <summary>Runs retention over every partition of every topic.</summary>
    public void EnforceRetention()
    {
        var now = NowMs;
        foreach (var topic in Topics.All())
        {
            var config = topic.Config;
            foreach (var log in topic.Partitions)
            {
                log.EnforceRetention(now, config.RetentionMs, config.RetentionBytes);
            }
        }
    }

    private static string NewClusterId()
    {
        // Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding (22 characters).
        return Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
