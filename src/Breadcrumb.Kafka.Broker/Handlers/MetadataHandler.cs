using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;
using Breadcrumb.Kafka.Broker.Topics;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// Metadata (3): live brokers, the cluster id, the controller, and for each topic asked for (all, when the list
/// is null) its id and partition leaders. An unknown, valid name is created when both the client and the broker
/// allow auto-creation; it is answered at once (Kafka answers LEADER_NOT_AVAILABLE until the leader is elected).
/// </summary>
internal sealed class MetadataHandler : ApiHandler<MetadataRequest, MetadataResponse>
{
    protected override MetadataResponse Handle(RequestContext context, MetadataRequest request)
    {
        var cluster = context.Cluster;
        var response = new MetadataResponse
        {
            ClusterId = cluster.ClusterId,
            ControllerId = cluster.Controller.NodeId,
            Brokers = [.. cluster.Brokers.Where(b => b.IsListening).Select(b => new MetadataResponse.BrokerInfo { NodeId = b.NodeId, Host = b.Host, Port = b.Port })],
            ClusterAuthorizedOperations = request.IncludeClusterAuthorizedOperations ? AuthorizedOperations.Cluster : AuthorizedOperations.NotRequested,
        };

        var everything = request.Topics is null || (context.Version == 0 && request.Topics.Count == 0);
        if (everything)
        {
            response.Topics = [.. cluster.Topics.All().Select(t => Describe(cluster, t, request))];
            return response;
        }

        var autoCreate = cluster.Options.AutoCreateTopics && (context.Version < 4 || request.AllowAutoTopicCreation);
        foreach (var asked in request.Topics!)
        {
            response.Topics.Add(Lookup(cluster, asked, autoCreate, request));
        }

        return response;
    }

    private static MetadataResponse.TopicInfo Lookup(ClusterCore cluster, MetadataRequest.RequestedTopic asked, bool autoCreate, MetadataRequest request)
    {
        if (asked.Name is null)
        {
            return cluster.Topics.Find(asked.TopicId) is { } byId
                ? Describe(cluster, byId, request)
                : new MetadataResponse.TopicInfo { ErrorCode = (short)ErrorCode.UnknownTopicId, TopicId = asked.TopicId };
        }

        if (TopicNames.Check(asked.Name) is not null)
        {
            return new MetadataResponse.TopicInfo { ErrorCode = (short)ErrorCode.InvalidTopicException, Name = asked.Name };
        }

        var topic = cluster.Topics.Find(asked.Name) ?? (autoCreate ? cluster.AutoCreate(asked.Name) : null);
        return topic is null
            ? new MetadataResponse.TopicInfo { ErrorCode = (short)ErrorCode.UnknownTopicOrPartition, Name = asked.Name }
            : Describe(cluster, topic, request);
    }

    private static MetadataResponse.TopicInfo Describe(ClusterCore cluster, TopicState topic, MetadataRequest request) => new()
    {
        Name = topic.Name,
        TopicId = topic.Id,
        TopicAuthorizedOperations = request.IncludeTopicAuthorizedOperations ? AuthorizedOperations.Topic : AuthorizedOperations.NotRequested,
        Partitions = [.. topic.Partitions.Select((log, p) =>
        {
            var leader = topic.LeaderOf(p);
            var up = cluster.FindBroker(leader)?.IsListening == true;
            return new MetadataResponse.PartitionInfo
            {
                // One copy per partition: while its broker is down, the partition has no leader (as with replication factor 1).
                ErrorCode = up ? (short)ErrorCode.None : (short)ErrorCode.LeaderNotAvailable,
                PartitionIndex = p,
                LeaderId = up ? leader : -1,
                LeaderEpoch = log.LeaderEpoch,
                ReplicaNodes = [leader],
                IsrNodes = up ? [leader] : [],
                OfflineReplicas = up ? [] : [leader],
            };
        })],
    };
}
