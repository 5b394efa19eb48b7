using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// DescribeLogDirs (35): the bytes each partition this broker leads holds, under one "log dir" that stands for
/// memory; total and usable bytes are the cluster's memory budget and what is left of it (-1 without a budget).
/// </summary>
internal sealed class DescribeLogDirsHandler : ApiHandler<DescribeLogDirsRequest, DescribeLogDirsResponse>
{
    protected override DescribeLogDirsResponse Handle(RequestContext context, DescribeLogDirsRequest request)
    {
        var cluster = context.Cluster;
        // A topic named twice asks for the union of its partitions, as in Kafka.
        var wanted = request.Topics?.GroupBy(t => t.Topic, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(t => t.Partitions).ToHashSet(), StringComparer.Ordinal);
        var dir = new DescribeLogDirsResponse.LogDirInfo
        {
            LogDir = $"memory:/broker-{context.Broker.NodeId}",
            TotalBytes = cluster.Budget.LimitBytes > 0 ? cluster.Budget.LimitBytes : -1,
            UsableBytes = cluster.Budget.LimitBytes > 0 ? Math.Max(0, cluster.Budget.LimitBytes - cluster.Budget.UsedBytes) : -1,
        };
        foreach (var topic in cluster.Topics.All())
        {
            HashSet<int>? partitions = null;
            if (wanted is not null && !wanted.TryGetValue(topic.Name, out partitions))
            {
                continue;
            }

            var entry = new DescribeLogDirsResponse.LogDirTopic { Name = topic.Name };
            for (var p = 0; p < topic.Partitions.Count; p++)
            {
                if (topic.LeaderOf(p) == context.Broker.NodeId && partitions?.Contains(p) != false)
                {
                    entry.Partitions.Add(new DescribeLogDirsResponse.LogDirPartition { PartitionIndex = p, PartitionSize = topic.Partitions[p].SizeBytes });
                }
            }

            if (entry.Partitions.Count > 0)
            {
                dir.Topics.Add(entry);
            }
        }

        return new DescribeLogDirsResponse { Results = [dir] };
    }
}
