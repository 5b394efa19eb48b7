using Breadcrumb.Kafka.Broker.Groups;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// DescribeGroups (15): state, protocol and members of each group; an unknown group is "Dead" with no members
/// (as Kafka answers up to v5). Classic members carry their metadata and assignment once the group is Stable;
/// consumer-protocol members carry their assignment encoded as a classic consumer assignment.
/// </summary>
internal sealed class DescribeGroupsHandler : ApiHandler<DescribeGroupsRequest, DescribeGroupsResponse>
{
    protected override DescribeGroupsResponse Handle(RequestContext context, DescribeGroupsRequest request)
    {
        var response = new DescribeGroupsResponse();
        foreach (var groupId in request.Groups)
        {
            var description = new DescribeGroupsResponse.GroupDescription
            {
                GroupId = groupId,
                GroupState = "Dead",
                AuthorizedOperations = request.IncludeAuthorizedOperations ? AuthorizedOperations.Group : AuthorizedOperations.NotRequested,
            };
            response.Groups.Add(description);
            var error = context.Cluster.Groups.Check(context, groupId);
            if (error != ErrorCode.None)
            {
                description.ErrorCode = (short)error;
                continue;
            }

            switch (context.Cluster.Groups.Find(groupId))
            {
                case ClassicGroup classic:
                    lock (classic.Sync)
                    {
                        Describe(description, classic);
                    }

                    break;
                case ConsumerGroup consumer:
                    lock (consumer.Sync)
                    {
                        Describe(context.Cluster, description, consumer);
                    }

                    break;
            }
        }

        return response;
    }

    private static void Describe(DescribeGroupsResponse.GroupDescription description, ClassicGroup group)
    {
        description.GroupState = group.StateName;
        description.ProtocolType = group.ProtocolType;
        description.ProtocolData = group.ProtocolName ?? "";
        var stable = group.State == ClassicGroupState.Stable;
        description.Members = [.. group.Members.Select(m => new DescribeGroupsResponse.GroupMemberDescription
        {
            MemberId = m.MemberId,
            GroupInstanceId = m.GroupInstanceId,
            ClientId = m.ClientId,
            ClientHost = m.ClientHost,
            MemberMetadata = stable && group.ProtocolName is { } protocol ? m.MetadataFor(protocol) ?? [] : [],
            MemberAssignment = stable ? m.Assignment : [],
        })];
    }

    private static void Describe(ClusterCore cluster, DescribeGroupsResponse.GroupDescription description, ConsumerGroup group)
    {
        description.GroupState = group.StateName;
        description.ProtocolType = group.ProtocolType;
        description.ProtocolData = group.AssignorName;
        description.Members = [.. group.Members.Select(m => new DescribeGroupsResponse.GroupMemberDescription
        {
            MemberId = m.MemberId,
            GroupInstanceId = m.InstanceId,
            ClientId = m.ClientId,
            ClientHost = m.ClientHost,
            MemberAssignment = ConsumerAssignmentEncoding.Encode(cluster, m.Assigned),
        })];
    }
}
