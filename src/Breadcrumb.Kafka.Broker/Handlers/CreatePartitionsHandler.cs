using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>CreatePartitions (37): grows a topic to a larger partition count, optionally with the new partitions' replicas.</summary>
internal sealed class CreatePartitionsHandler : ApiHandler<CreatePartitionsRequest, CreatePartitionsResponse>
{
    protected override CreatePartitionsResponse Handle(RequestContext context, CreatePartitionsRequest request)
    {
        var response = new CreatePartitionsResponse();
        var duplicates = request.Topics.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var asked in request.Topics)
        {
            var (error, message) = duplicates.Contains(asked.Name)
                ? (ErrorCode.InvalidRequest, $"Duplicate topic in the request: {asked.Name}")
                : Grow(context.Cluster, asked, request.ValidateOnly);
            response.Results.Add(new CreatePartitionsResponse.PartitionGrowthResult { Name = asked.Name, ErrorCode = (short)error, ErrorMessage = message });
        }

        return response;
    }

    private static (ErrorCode, string?) Grow(ClusterCore cluster, CreatePartitionsRequest.PartitionGrowth asked, bool validateOnly)
    {
        if (cluster.Topics.Find(asked.Name) is not { } topic)
        {
            return (ErrorCode.UnknownTopicOrPartition, $"The topic '{asked.Name}' does not exist.");
        }

        List<int>? leaders = null;
        if (asked.Assignments is { Count: > 0 } assignments)
        {
            var (error, message, assigned) = ReplicaAssignments.Leaders(cluster, assignments.Select(a => a.BrokerIds), asked.Count - topic.Partitions.Count);
            if (error != ErrorCode.None)
            {
                return (error, message);
            }

            leaders = assigned;
        }

        return cluster.Topics.SetPartitionCount(topic, asked.Count, validateOnly, leaders);
    }
}
