using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>DeleteGroups (42): deletes empty groups with their offsets; NON_EMPTY_GROUP while members remain.</summary>
internal sealed class DeleteGroupsHandler : ApiHandler<DeleteGroupsRequest, DeleteGroupsResponse>
{
    protected override DeleteGroupsResponse Handle(RequestContext context, DeleteGroupsRequest request)
    {
        var groups = context.Cluster.Groups;
        return new DeleteGroupsResponse
        {
            Results = [.. request.GroupsNames.Select(id =>
            {
                var error = groups.Check(context, id);
                return new DeleteGroupsResponse.GroupDeletion { GroupId = id, ErrorCode = (short)(error == ErrorCode.None ? groups.Delete(id) : error) };
            })],
        };
    }
}
