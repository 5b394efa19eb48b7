using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>ListGroups (16): the groups this broker coordinates (admin clients ask every broker), filtered by state (v4) and type (v5).</summary>
internal sealed class ListGroupsHandler : ApiHandler<ListGroupsRequest, ListGroupsResponse>
{
    protected override ListGroupsResponse Handle(RequestContext context, ListGroupsRequest request)
    {
        var groups = context.Cluster.Groups;
        var response = new ListGroupsResponse();
        foreach (var group in groups.All().Where(g => groups.CoordinatorFor(g.GroupId) == context.Broker))
        {
            string state, type, protocolType;
            lock (group.Sync)
            {
                (state, type, protocolType) = (group.StateName, group.GroupType, group.ProtocolType);
            }

            if ((request.StatesFilter.Count > 0 && !request.StatesFilter.Contains(state, StringComparer.OrdinalIgnoreCase))
                || (request.TypesFilter.Count > 0 && !request.TypesFilter.Contains(type, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            response.Groups.Add(new ListGroupsResponse.GroupListing { GroupId = group.GroupId, ProtocolType = protocolType, GroupState = state, GroupType = type });
        }

        return response;
    }
}
