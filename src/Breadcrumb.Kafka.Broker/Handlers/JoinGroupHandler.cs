using Breadcrumb.Kafka.Broker.Groups;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// JoinGroup (11): joins a classic group and waits for the join phase to end; from v4 a new member first gets
/// MEMBER_ID_REQUIRED with its member id (KIP-394). The session timeout must lie within the group limits.
/// </summary>
internal sealed class JoinGroupHandler : AsyncApiHandler<JoinGroupRequest, JoinGroupResponse>
{
    protected override async ValueTask<JoinGroupResponse> HandleAsync(RequestContext context, JoinGroupRequest request)
    {
        var coordinator = context.Cluster.Groups;
        var error = coordinator.Check(context, request.GroupId);
        if (error != ErrorCode.None)
        {
            return new JoinGroupResponse { ErrorCode = (short)error, MemberId = request.MemberId };
        }

        var limits = coordinator.Options;
        if (request.SessionTimeoutMs < limits.MinSessionTimeout.TotalMilliseconds || request.SessionTimeoutMs > limits.MaxSessionTimeout.TotalMilliseconds)
        {
            return new JoinGroupResponse { ErrorCode = (short)ErrorCode.InvalidSessionTimeout, MemberId = request.MemberId };
        }

        if (coordinator.ClassicGroup(request.GroupId) is not { } group)
        {
            return new JoinGroupResponse { ErrorCode = (short)ErrorCode.InconsistentGroupProtocol, MemberId = request.MemberId };
        }

        var input = new JoinInput(
            request.MemberId, request.GroupInstanceId, context.Header.ClientId ?? "", context.Connection.ClientHost,
            request.SessionTimeoutMs, request.RebalanceTimeoutMs < 0 ? request.SessionTimeoutMs : request.RebalanceTimeoutMs,
            request.ProtocolType, [.. request.Protocols.Select(p => (p.Name, p.Metadata))], RequireKnownMemberId: context.Version >= 4);
        Task<JoinGroupResponse> joined;
        lock (group.Sync)
        {
            joined = group.Join(input);
        }

        return await joined.WaitAsync(context.CancellationToken).ConfigureAwait(false);
    }
}
