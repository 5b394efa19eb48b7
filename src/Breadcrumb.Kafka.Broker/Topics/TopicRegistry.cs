using Breadcrumb.Kafka.Broker.Log;
using Breadcrumb.Kafka.Broker.Protocol;

namespace Breadcrumb.Kafka.Broker.Topics;

/// <summary>The cluster's topics by name and by id; creation, deletion and new partitions, with Kafka's checks.</summary>
internal sealed class TopicRegistry(MemoryBudget budget, Func<int> brokerCount, Func<int, int> nodeIdAt, IReadOnlyDictionary<string, string> clusterDefaults)
{
    /// <summary>Kafka's limit on partitions created by one request is far higher; this one guards memory.</summary>
    public const int MaxPartitionsPerTopic = 10_000;

    private readonly Lock sync = new();
    private readonly Dictionary<string, TopicState> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, TopicState> byId = [];

    public IReadOnlyDictionary<string, string> ClusterDefaults => clusterDefaults;

    public TopicState? Find(string name)
    {
        lock (sync)
        {
            return byName.GetValueOrDefault(name);
        }
    }

    public TopicState? Find(Guid id)
    {
        lock (sync)
        {
            return byId.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<TopicState> All()
    {
        lock (sync)
        {
            return [.. byName.Values.OrderBy(t => t.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>Checks and (unless <paramref name="validateOnly"/>) creates a topic.</summary>
    public (ErrorCode Error, string? Message, TopicState? Topic) Create(
        string name, int partitions, short replicationFactor, IReadOnlyDictionary<string, string>? configs, bool validateOnly,
        IReadOnlyList<int>? assignedLeaders = null)
    {
        if (TopicNames.Check(name) is { } badName)
        {
            return (ErrorCode.InvalidTopicException, badName, null);
        }

        if (partitions < 1 || partitions > MaxPartitionsPerTopic)
        {
            return (ErrorCode.InvalidPartitions, $"Number of partitions must be between 1 and {MaxPartitionsPerTopic} (was {partitions}).", null);
        }

        if (replicationFactor < 1 || replicationFactor > brokerCount())
        {
            return (ErrorCode.InvalidReplicationFactor,
                $"Replication factor must be between 1 and the number of brokers, {brokerCount()} (was {replicationFactor}).", null);
        }

        foreach (var (key, value) in configs ?? new Dictionary<string, string>())
        {
            if (TopicConfigCatalog.Check(key, value) is { } badConfig)
            {
                return (ErrorCode.InvalidConfig, badConfig, null);
            }
        }

        lock (sync)
        {
            if (byName.ContainsKey(name))
            {
                return (ErrorCode.TopicAlreadyExists, $"Topic '{name}' already exists.", null);
            }

            var collision = byName.Keys.FirstOrDefault(n => TopicNames.CollisionKey(n) == TopicNames.CollisionKey(name));
            if (collision is not null)
            {
                return (ErrorCode.InvalidTopicException, $"Topic '{name}' collides with existing topic: {collision}", null);
            }

            if (validateOnly)
            {
                return (ErrorCode.None, null, null);
            }

            var topic = new TopicState(name, NewTopicId(), replicationFactor, TopicConfig.Create(configs, clusterDefaults),
                NewLogs(name, 0, partitions), assignedLeaders is null ? Leaders(name, 0, partitions) : [.. assignedLeaders]);
            byName.Add(name, topic);
            byId.Add(topic.Id, topic);
            return (ErrorCode.None, null, topic);
        }
    }

    public TopicState? Delete(TopicState topic)
    {
        lock (sync)
        {
            if (!byName.Remove(topic.Name))
            {
                return null;
            }

            byId.Remove(topic.Id);
        }

        topic.MarkDeleted();
        return topic;
    }

    /// <summary>Grows a topic to <paramref name="count"/> partitions; Kafka never shrinks one.</summary>
    public (ErrorCode Error, string? Message) SetPartitionCount(TopicState topic, int count, bool validateOnly, IReadOnlyList<int>? assignedLeaders = null)
    {
        lock (sync)
        {
            var current = topic.Partitions.Count;
            if (count < current)
            {
                return (ErrorCode.InvalidPartitions, $"Topic currently has {current} partitions, which is higher than the requested {count}.");
            }

            if (count == current)
            {
                return (ErrorCode.InvalidPartitions, $"Topic already has {current} partitions.");
            }

            if (count > MaxPartitionsPerTopic)
            {
                return (ErrorCode.InvalidPartitions, $"Number of partitions must be at most {MaxPartitionsPerTopic} (was {count}).");
            }

            if (!validateOnly)
            {
                topic.AddPartitions(NewLogs(topic.Name, current, count - current),
                    assignedLeaders is null ? Leaders(topic.Name, current, count - current) : [.. assignedLeaders]);
            }

            return (ErrorCode.None, null);
        }
    }

    private PartitionLog[] NewLogs(string name, int first, int count) =>
        [.. Enumerable.Range(first, count).Select(p => new PartitionLog(name, p, budget))];

    /// <summary>Spreads leaders over the brokers, starting from a broker that depends on the name.</summary>
    private int[] Leaders(string name, int first, int count)
    {
        var brokers = brokerCount();
        var start = (int)((uint)StableHash(name) % (uint)brokers);
        return [.. Enumerable.Range(first, count).Select(p => nodeIdAt((start + p) % brokers))];
    }

    private static int StableHash(string name)
    {
        var hash = 17;
        foreach (var c in name)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    private static Guid NewTopicId()
    {
        // Kafka never hands out the zero id or the "metadata topic" id (all zero but the last bit).
        Guid id;
        do
        {
            id = Guid.NewGuid();
        }
        while (id == Guid.Empty);
        return id;
    }
}
