namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>Partitions by topic id, as the consumer protocol (KIP-848) names them; a small value-like helper.</summary>
internal sealed class TopicPartitionSet
{
    private readonly SortedDictionary<Guid, SortedSet<int>> partitions = [];

    public TopicPartitionSet()
    {
    }

    public TopicPartitionSet(IEnumerable<(Guid TopicId, int Partition)> items)
    {
        foreach (var (topic, partition) in items)
        {
            Add(topic, partition);
        }
    }

    public bool IsEmpty => partitions.Count == 0;

    public int Count => partitions.Values.Sum(p => p.Count);

    public IEnumerable<(Guid TopicId, int Partition)> Items => partitions.SelectMany(e => e.Value.Select(p => (e.Key, p)));

    public IEnumerable<(Guid TopicId, IReadOnlyCollection<int> Partitions)> ByTopic => partitions.Select(e => (e.Key, (IReadOnlyCollection<int>)e.Value));

    public void Add(Guid topic, int partition)
    {
        if (!partitions.TryGetValue(topic, out var set))
        {
            set = [];
            partitions[topic] = set;
        }

        set.Add(partition);
    }

    public bool Contains(Guid topic, int partition) => partitions.TryGetValue(topic, out var set) && set.Contains(partition);

    public TopicPartitionSet Except(TopicPartitionSet other) => new(Items.Where(i => !other.Contains(i.TopicId, i.Partition)));

    public TopicPartitionSet Intersect(TopicPartitionSet other) => new(Items.Where(i => other.Contains(i.TopicId, i.Partition)));

    public TopicPartitionSet Union(TopicPartitionSet other) => new(Items.Concat(other.Items));

    public bool SetEquals(TopicPartitionSet other) => Count == other.Count && Items.All(i => other.Contains(i.TopicId, i.Partition));

    public string Key => string.Join(';', partitions.Select(e => $"{e.Key}:{string.Join(',', e.Value)}"));
}
