using Breadcrumb.Kafka.Broker.Groups;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>SyncGroup (14): the leader hands in assignments; every member waits for its own.</summary>
internal sealed class SyncGroupHandler : AsyncApiHandler<SyncGroupRequest, SyncGroupResponse>
{
    protected override async ValueTask<SyncGroupResponse> HandleAsync(RequestContext context, SyncGroupRequest request)
    {
        var error = context.Cluster.Groups.Check(context, request.GroupId);
        if (error != ErrorCode.None)
        {
            return new SyncGroupResponse { ErrorCode = (short)error };
        }

        if (context.Cluster.Groups.Find(request.GroupId) is not ClassicGroup group)
        {
            return new SyncGroupResponse { ErrorCode = (short)ErrorCode.UnknownMemberId };
        }

        Task<SyncGroupResponse> synced;
        lock (group.Sync)
        {
            synced = group.SyncMember(request.MemberId, request.GroupInstanceId, request.GenerationId, request.ProtocolType, request.ProtocolName,
                [.. request.Assignments.Select(a => (a.MemberId, a.Assignment))]);
        }

        return await synced.WaitAsync(context.CancellationToken).ConfigureAwait(false);
    }
}
