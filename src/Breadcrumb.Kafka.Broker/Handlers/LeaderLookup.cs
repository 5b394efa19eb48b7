using Breadcrumb.Kafka.Broker.Log;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Server;
using Breadcrumb.Kafka.Broker.Topics;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>Finds a partition this broker leads, or the error Kafka answers when it is unknown, led elsewhere or at another epoch.</summary>
internal static class LeaderLookup
{
    public static ErrorCode Find(RequestContext context, string topicName, int partition, int currentLeaderEpoch, out TopicState? topic, out PartitionLog? log) =>
        Find(context, context.Cluster.Topics.Find(topicName), partition, currentLeaderEpoch, out topic, out log);

    public static ErrorCode Find(RequestContext context, TopicState? found, int partition, int currentLeaderEpoch, out TopicState? topic, out PartitionLog? log)
    {
        topic = found;
        log = found?.Partition(partition);
        if (found is null || log is null)
        {
            return ErrorCode.UnknownTopicOrPartition;
        }

        if (found.LeaderOf(partition) != context.Broker.NodeId)
        {
            return ErrorCode.NotLeaderOrFollower;
        }

        if (currentLeaderEpoch != -1 && currentLeaderEpoch != log.LeaderEpoch)
        {
            return currentLeaderEpoch > log.LeaderEpoch ? ErrorCode.UnknownLeaderEpoch : ErrorCode.FencedLeaderEpoch;
        }

        return ErrorCode.None;
    }
}
