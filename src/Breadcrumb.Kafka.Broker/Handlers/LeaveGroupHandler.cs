using Breadcrumb.Kafka.Broker.Groups;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>LeaveGroup (13): members leave a classic group, and the rest rebalance at once. v3+ leaves in batches (static members by instance id).</summary>
internal sealed class LeaveGroupHandler : ApiHandler<LeaveGroupRequest, LeaveGroupResponse>
{
    protected override LeaveGroupResponse Handle(RequestContext context, LeaveGroupRequest request)
    {
        var error = context.Cluster.Groups.Check(context, request.GroupId);
        if (error != ErrorCode.None)
        {
            return new LeaveGroupResponse { ErrorCode = (short)error };
        }

        var leaving = context.Version >= 3
            ? request.Members.Select(m => (m.MemberId, m.GroupInstanceId)).ToList()
            : [(request.MemberId, (string?)null)];
        if (context.Cluster.Groups.Find(request.GroupId) is not ClassicGroup group)
        {
            return context.Version >= 3
                ? new LeaveGroupResponse { Members = [.. leaving.Select(m => Result(m.MemberId, m.GroupInstanceId, (short)ErrorCode.UnknownMemberId))] }
                : new LeaveGroupResponse { ErrorCode = (short)ErrorCode.UnknownMemberId };
        }

        List<(string MemberId, string? InstanceId, short Error)> results;
        lock (group.Sync)
        {
            results = group.Leave(leaving);
        }

        return context.Version >= 3
            ? new LeaveGroupResponse { Members = [.. results.Select(r => Result(r.MemberId, r.InstanceId, r.Error))] }
            : new LeaveGroupResponse { ErrorCode = results[0].Error };
    }

    private static LeaveGroupResponse.LeaveResult Result(string memberId, string? instanceId, short error) =>
        new() { MemberId = memberId, GroupInstanceId = instanceId, ErrorCode = error };
}
