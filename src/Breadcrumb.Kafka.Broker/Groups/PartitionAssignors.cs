namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>A topic a consumer group may be assigned: its id, name and partition count.</summary>
internal sealed record AssignableTopic(Guid Id, string Name, int Partitions);

/// <summary>
/// The server-side assignors of the consumer protocol (KIP-848): "uniform" (the default) spreads every
/// subscribed partition evenly over the members subscribed to its topic, keeping a partition with its current
/// owner when that does not unbalance; "range" gives each member a contiguous range of every topic it subscribes to.
/// </summary>
internal static class PartitionAssignors
{
    public const string Uniform = "uniform";
    public const string Range = "range";

    public static bool IsKnown(string name) => name is Uniform or Range;

    public static Dictionary<string, TopicPartitionSet> Assign(
        string assignor, IReadOnlyList<(string MemberId, IReadOnlySet<Guid> Topics)> members, IReadOnlyList<AssignableTopic> topics,
        IReadOnlyDictionary<string, TopicPartitionSet> current)
    {
        var result = members.ToDictionary(m => m.MemberId, _ => new TopicPartitionSet(), StringComparer.Ordinal);
        if (assignor == Range)
        {
            foreach (var topic in topics)
            {
                var eligible = members.Where(m => m.Topics.Contains(topic.Id)).Select(m => m.MemberId).Order(StringComparer.Ordinal).ToList();
                if (eligible.Count == 0)
                {
                    continue;
                }

                var each = topic.Partitions / eligible.Count;
                var extra = topic.Partitions % eligible.Count;
                var next = 0;
                for (var i = 0; i < eligible.Count; i++)
                {
                    var take = each + (i < extra ? 1 : 0);
                    for (var p = next; p < next + take; p++)
                    {
                        result[eligible[i]].Add(topic.Id, p);
                    }

                    next += take;
                }
            }

            return result;
        }

        var counts = members.ToDictionary(m => m.MemberId, _ => 0, StringComparer.Ordinal);
        foreach (var topic in topics.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var eligible = members.Where(m => m.Topics.Contains(topic.Id)).Select(m => m.MemberId).ToList();
            for (var p = 0; p < topic.Partitions && eligible.Count > 0; p++)
            {
                var owner = eligible
                    .OrderBy(m => counts[m])
                    .ThenBy(m => current.TryGetValue(m, out var had) && had.Contains(topic.Id, p) ? 0 : 1)
                    .ThenBy(m => m, StringComparer.Ordinal)
                    .First();
                result[owner].Add(topic.Id, p);
                counts[owner]++;
            }
        }

        return result;
    }
}
