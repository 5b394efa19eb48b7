using System.Collections.Concurrent;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>
/// The group coordinator: which broker coordinates a group (a stable hash of its id over the brokers, as Kafka
/// hashes it to a partition of __consumer_offsets), and the groups themselves, classic or consumer (KIP-848).
/// Offsets live in memory with their group.
/// </summary>
internal sealed class GroupCoordinator(ClusterCore cluster, GroupOptionsSnapshot options)
{
    private readonly ConcurrentDictionary<string, GroupBase> groups = new(StringComparer.Ordinal);

    public GroupOptionsSnapshot Options => options;

    public BrokerServer CoordinatorFor(string key) => cluster.Brokers[(int)((uint)StableHash(key) % (uint)cluster.Brokers.Count)];

    /// <summary>Checks that this broker coordinates the group: NOT_COORDINATOR sends the client to FindCoordinator again.</summary>
    public ErrorCode Check(RequestContext context, string groupId) =>
        string.IsNullOrEmpty(groupId) ? ErrorCode.InvalidGroupId
        : CoordinatorFor(groupId) != context.Broker ? ErrorCode.NotCoordinator
        : ErrorCode.None;

    public GroupBase? Find(string groupId) => groups.GetValueOrDefault(groupId);

    public IReadOnlyList<GroupBase> All() => [.. groups.Values.OrderBy(g => g.GroupId, StringComparer.Ordinal)];

    /// <summary>Gets the classic group, creating it Empty; null when the id belongs to a consumer-protocol group with members.</summary>
    public ClassicGroup? ClassicGroup(string groupId)
    {
        while (true)
        {
            var group = groups.GetOrAdd(groupId, id => new ClassicGroup(id, cluster.TimeProvider, options));
            switch (group)
            {
                case ClassicGroup classic:
                    return classic;
                case ConsumerGroup consumer when consumer.IsEmpty:
                    // An empty consumer group turns classic when a classic member joins, keeping its offsets.
                    groups.TryUpdate(groupId, new ClassicGroup(groupId, cluster.TimeProvider, options, consumer.Offsets), consumer);
                    continue;
                default:
                    return null;
            }
        }
    }

    /// <summary>Gets the consumer-protocol group, creating it; null when the id belongs to a classic group with members.</summary>
    public ConsumerGroup? ConsumerGroup(string groupId)
    {
        while (true)
        {
            var group = groups.GetOrAdd(groupId, id => new ConsumerGroup(id, cluster, options));
            switch (group)
            {
                case ConsumerGroup consumer:
                    return consumer;
                case ClassicGroup classic when classic.IsEmpty:
                    groups.TryUpdate(groupId, new ConsumerGroup(groupId, cluster, options, classic.Offsets), classic);
                    continue;
                default:
                    return null;
            }
        }
    }

    /// <summary>Deletes an empty group and its offsets (DeleteGroups).</summary>
    public ErrorCode Delete(string groupId)
    {
        if (!groups.TryGetValue(groupId, out var group))
        {
            return ErrorCode.GroupIdNotFound;
        }

        lock (group.Sync)
        {
            if (!group.IsEmpty)
            {
                return ErrorCode.NonEmptyGroup;
            }

            groups.TryRemove(new KeyValuePair<string, GroupBase>(groupId, group));
            group.Offsets.Clear();
            (group as ClassicGroup)?.MarkDead();
            return ErrorCode.None;
        }
    }

    /// <summary>Forgets every group's committed offsets for a deleted topic, as Kafka does.</summary>
    public void TopicDeleted(string topic)
    {
        foreach (var group in groups.Values)
        {
            lock (group.Sync)
            {
                group.Offsets.RemoveTopic(topic);
            }
        }
    }

    internal static int StableHash(string key)
    {
        var hash = 17;
        foreach (var c in key)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
