using Breadcrumb.Kafka.Broker.Groups;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>Heartbeat (12): keeps a classic member's session; REBALANCE_IN_PROGRESS tells it to rejoin.</summary>
internal sealed class HeartbeatHandler : ApiHandler<HeartbeatRequest, HeartbeatResponse>
{
    protected override HeartbeatResponse Handle(RequestContext context, HeartbeatRequest request)
    {
        var error = context.Cluster.Groups.Check(context, request.GroupId);
        if (error != ErrorCode.None)
        {
            return new HeartbeatResponse { ErrorCode = (short)error };
        }

        if (context.Cluster.Groups.Find(request.GroupId) is not ClassicGroup group)
        {
            return new HeartbeatResponse { ErrorCode = (short)ErrorCode.UnknownMemberId };
        }

        lock (group.Sync)
        {
            return new HeartbeatResponse { ErrorCode = group.Heartbeat(request.MemberId, request.GroupInstanceId, request.GenerationId) };
        }
    }
}
