using Breadcrumb.Kafka.Broker.Groups;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>ConsumerGroupDescribe (69): consumer-protocol groups with epochs, assignor and each member's current and target assignment.</summary>
internal sealed class ConsumerGroupDescribeHandler : ApiHandler<ConsumerGroupDescribeRequest, ConsumerGroupDescribeResponse>
{
    protected override ConsumerGroupDescribeResponse Handle(RequestContext context, ConsumerGroupDescribeRequest request)
    {
        var response = new ConsumerGroupDescribeResponse();
        foreach (var groupId in request.GroupIds)
        {
            var state = new ConsumerGroupDescribeResponse.ConsumerGroupState
            {
                GroupId = groupId,
                GroupState = "Dead",
                AuthorizedOperations = request.IncludeAuthorizedOperations ? AuthorizedOperations.Group : AuthorizedOperations.NotRequested,
            };
            response.Groups.Add(state);
            var error = context.Cluster.Groups.Check(context, groupId);
            var group = context.Cluster.Groups.Find(groupId);
            if (error != ErrorCode.None || group is not ConsumerGroup consumer)
            {
                state.ErrorCode = (short)(error != ErrorCode.None ? error : ErrorCode.GroupIdNotFound);
                state.ErrorMessage = error != ErrorCode.None ? null : $"Group {groupId} is not a consumer-protocol group here.";
                continue;
            }

            lock (consumer.Sync)
            {
                state.GroupState = consumer.StateName;
                state.GroupEpoch = consumer.GroupEpoch;
                state.AssignmentEpoch = consumer.AssignmentEpoch;
                state.AssignorName = consumer.AssignorName;
                state.Members = [.. consumer.Members.Select(m => new ConsumerGroupDescribeResponse.ConsumerGroupMember
                {
                    MemberId = m.MemberId,
                    InstanceId = m.InstanceId,
                    RackId = m.RackId,
                    MemberEpoch = m.MemberEpoch,
                    ClientId = m.ClientId,
                    ClientHost = m.ClientHost,
                    SubscribedTopicNames = [.. m.SubscribedTopicNames],
                    SubscribedTopicRegex = m.SubscribedTopicRegex,
                    Assignment = Assignment(context.Cluster, m.Assigned),
                    TargetAssignment = Assignment(context.Cluster, consumer.TargetOf(m.MemberId)),
                })];
            }
        }

        return response;
    }

    private static ConsumerGroupDescribeStructs.PartitionAssignment Assignment(ClusterCore cluster, TopicPartitionSet partitions) => new()
    {
        TopicPartitions = [.. partitions.ByTopic.Select(t => new ConsumerGroupDescribeStructs.AssignedTopicPartitions
        {
            TopicId = t.TopicId, TopicName = cluster.Topics.Find(t.TopicId)?.Name ?? "", Partitions = [.. t.Partitions],
        })],
    };
}
