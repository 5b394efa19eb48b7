using Breadcrumb.Kafka.Broker.Log;

namespace Breadcrumb.Kafka.Broker.Topics;

/// <summary>A topic: its name and id, its partitions' logs and leaders, and its config.</summary>
internal sealed class TopicState
{
    private volatile PartitionLog[] partitions;
    private volatile int[] leaders;
    private volatile TopicConfig config;

    public TopicState(string name, Guid id, short replicationFactor, TopicConfig config, PartitionLog[] partitions, int[] leaders)
    {
        Name = name;
        Id = id;
        ReplicationFactor = replicationFactor;
        this.config = config;
        this.partitions = partitions;
        this.leaders = leaders;
    }

    public string Name { get; }

    public Guid Id { get; }

    /// <summary>Gets the replication factor asked for at creation; there is one copy whatever it says.</summary>
    public short ReplicationFactor { get; }

    public IReadOnlyList<PartitionLog> Partitions => partitions;

    public TopicConfig Config
    {
        get => config;
        set => config = value;
    }

    /// <summary>Gets whether the topic was deleted; requests that still hold it treat it as unknown.</summary>
    public bool IsDeleted { get; private set; }

    public PartitionLog? Partition(int index)
    {
        var current = partitions;
        return index >= 0 && index < current.Length ? current[index] : null;
    }

    public int LeaderOf(int partition) => leaders[partition];

    public void AddPartitions(PartitionLog[] added, int[] addedLeaders)
    {
        partitions = [.. partitions, .. added];
        leaders = [.. leaders, .. addedLeaders];
    }

    public void MarkDeleted()
    {
        IsDeleted = true;
        foreach (var log in partitions)
        {
            log.Clear();
        }
    }
}
