using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>OffsetDelete (47): removes a group's committed offsets of topics no member consumes (GROUP_SUBSCRIBED_TO_TOPIC otherwise).</summary>
internal sealed class OffsetDeleteHandler : ApiHandler<OffsetDeleteRequest, OffsetDeleteResponse>
{
    protected override OffsetDeleteResponse Handle(RequestContext context, OffsetDeleteRequest request)
    {
        var groups = context.Cluster.Groups;
        var error = groups.Check(context, request.GroupId);
        var group = error == ErrorCode.None ? groups.Find(request.GroupId) : null;
        if (error != ErrorCode.None || group is null)
        {
            return new OffsetDeleteResponse { ErrorCode = (short)(error != ErrorCode.None ? error : ErrorCode.GroupIdNotFound) };
        }

        var response = new OffsetDeleteResponse();
        lock (group.Sync)
        {
            foreach (var topic in request.Topics)
            {
                var subscribed = group.IsSubscribedTo(topic.Name);
                var known = context.Cluster.Topics.Find(topic.Name);
                response.Topics.Add(new OffsetDeleteResponse.ForgottenTopicResult
                {
                    Name = topic.Name,
                    Partitions = [.. topic.Partitions.Select(p => new OffsetDeleteResponse.ForgottenPartitionResult
                    {
                        PartitionIndex = p.PartitionIndex,
                        ErrorCode = (short)(known?.Partition(p.PartitionIndex) is null ? ErrorCode.UnknownTopicOrPartition
                            : subscribed ? ErrorCode.GroupSubscribedToTopic
                            : Forget(group, topic.Name, p.PartitionIndex)),
                    })],
                });
            }
        }

        return response;
    }

    private static ErrorCode Forget(Groups.GroupBase group, string topic, int partition)
    {
        group.Offsets.Remove(topic, partition);
        return ErrorCode.None;
    }
}
