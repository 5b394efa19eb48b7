using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;
using Breadcrumb.Kafka.Broker.Topics;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// CreateTopics (19): Kafka's checks on names (1–249 of [a-zA-Z0-9._-], not "."/".."; no '.'/'_' collision),
/// partitions and replication factor (-1 takes the default), known configs with valid values, manual
/// assignments; validate_only checks without creating. Any broker takes it (Kafka forwards to the controller).
/// </summary>
internal sealed class CreateTopicsHandler : ApiHandler<CreateTopicsRequest, CreateTopicsResponse>
{
    protected override CreateTopicsResponse Handle(RequestContext context, CreateTopicsRequest request)
    {
        var cluster = context.Cluster;
        var response = new CreateTopicsResponse();
        var duplicates = request.Topics.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var asked in request.Topics)
        {
            var result = new CreateTopicsResponse.NewTopicResult { Name = asked.Name };
            response.Topics.Add(result);
            var (error, message, topic) = duplicates.Contains(asked.Name)
                ? (ErrorCode.InvalidRequest, $"Create topics request from client contains multiple entries for topic {asked.Name}.", null)
                : Create(cluster, asked, request.ValidateOnly);
            result.ErrorCode = (short)error;
            result.ErrorMessage = message;
            if (error == ErrorCode.None && topic is not null)
            {
                result.TopicId = topic.Id;
                result.NumPartitions = topic.Partitions.Count;
                result.ReplicationFactor = topic.ReplicationFactor;
                result.Configs = [.. TopicConfigCatalog.All.Select(d =>
                {
                    var (value, source) = topic.Config.Describe(d);
                    return new CreateTopicsResponse.NewTopicConfigResult { Name = d.Name, Value = value, ConfigSource = (sbyte)ConfigSources.ToProtocol(source) };
                })];
            }
            else if (error == ErrorCode.None)
            {
                result.NumPartitions = asked.NumPartitions == -1 ? cluster.Options.DefaultPartitions : asked.NumPartitions;
                result.ReplicationFactor = asked.ReplicationFactor == -1 ? (short)1 : asked.ReplicationFactor;
            }
        }

        return response;
    }

    private static (ErrorCode, string?, TopicState?) Create(ClusterCore cluster, CreateTopicsRequest.NewTopic asked, bool validateOnly)
    {
        var configs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var config in asked.Configs)
        {
            if (config.Value is null)
            {
                return (ErrorCode.InvalidConfig, $"Null value not supported for topic configs: {config.Name}", null);
            }

            configs[config.Name] = config.Value;
        }

        var partitions = asked.NumPartitions;
        var replication = asked.ReplicationFactor;
        List<int>? leaders = null;
        if (asked.Assignments.Count > 0)
        {
            if (partitions != -1 || replication != -1)
            {
                return (ErrorCode.InvalidRequest, "Both numPartitions or replicationFactor and replicasAssignments were set. Both cannot be used at the same time.", null);
            }

            var ordered = asked.Assignments.OrderBy(a => a.PartitionIndex).ToList();
            if (ordered.Where((a, i) => a.PartitionIndex != i).Any())
            {
                return (ErrorCode.InvalidReplicaAssignment, "Partitions in the assignment must be numbered 0, 1, 2, ... without gaps.", null);
            }

            string? message;
            ErrorCode error;
            (error, message, leaders) = ReplicaAssignments.Leaders(cluster, ordered.Select(a => a.BrokerIds), ordered.Count);
            if (error != ErrorCode.None)
            {
                return (error, message, null);
            }

            partitions = ordered.Count;
            replication = (short)ordered[0].BrokerIds.Count;
        }

        partitions = partitions == -1 ? cluster.Options.DefaultPartitions : partitions;
        replication = replication == -1 ? (short)1 : replication;
        return cluster.Topics.Create(asked.Name, partitions, replication, configs, validateOnly, leaders);
    }
}
