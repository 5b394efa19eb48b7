using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>ConsumerGroupHeartbeat (68): the consumer protocol (KIP-848), served when a client opts in with group.protocol=consumer.</summary>
internal sealed class ConsumerGroupHeartbeatHandler : ApiHandler<ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse>
{
    protected override ConsumerGroupHeartbeatResponse Handle(RequestContext context, ConsumerGroupHeartbeatRequest request)
    {
        var groups = context.Cluster.Groups;
        var error = groups.Check(context, request.GroupId);
        if (error != ErrorCode.None)
        {
            return new ConsumerGroupHeartbeatResponse { ErrorCode = (short)error };
        }

        if (groups.ConsumerGroup(request.GroupId) is not { } group)
        {
            return new ConsumerGroupHeartbeatResponse
            {
                ErrorCode = (short)ErrorCode.InconsistentGroupProtocol,
                ErrorMessage = $"Group {request.GroupId} has members on the classic protocol; the embedded broker does not mix protocols in one group.",
            };
        }

        lock (group.Sync)
        {
            return group.Heartbeat(request, context.Version, context.Header.ClientId ?? "", context.Connection.ClientHost);
        }
    }
}
