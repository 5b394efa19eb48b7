using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// FindCoordinator (10): the broker that coordinates a group (key type 0) or a transactional id (1), by a stable
/// hash of the key over the brokers; COORDINATOR_NOT_AVAILABLE while that broker is down. v4+ asks for many keys.
/// </summary>
internal sealed class FindCoordinatorHandler : ApiHandler<FindCoordinatorRequest, FindCoordinatorResponse>
{
    private const sbyte GroupKey = 0;
    private const sbyte TransactionKey = 1;

    protected override FindCoordinatorResponse Handle(RequestContext context, FindCoordinatorRequest request)
    {
        if (context.Version < 4)
        {
            var single = Find(context.Cluster, request.Key, request.KeyType);
            return new FindCoordinatorResponse
            {
                ErrorCode = single.ErrorCode, ErrorMessage = single.ErrorMessage, NodeId = single.NodeId, Host = single.Host, Port = single.Port,
            };
        }

        return new FindCoordinatorResponse { Coordinators = [.. request.CoordinatorKeys.Select(k => Find(context.Cluster, k, request.KeyType))] };
    }

    private static FindCoordinatorResponse.CoordinatorInfo Find(ClusterCore cluster, string key, sbyte keyType)
    {
        var answer = new FindCoordinatorResponse.CoordinatorInfo { Key = key, NodeId = -1, Host = "", Port = -1 };
        if (keyType is not (GroupKey or TransactionKey))
        {
            return Fail(answer, ErrorCode.InvalidRequest, $"Key type {keyType} is neither a group (0) nor a transactional id (1).");
        }

        if (string.IsNullOrEmpty(key))
        {
            return Fail(answer, keyType == GroupKey ? ErrorCode.InvalidGroupId : ErrorCode.InvalidRequest, "The key is empty.");
        }

        var broker = keyType == GroupKey ? cluster.Groups.CoordinatorFor(key) : cluster.Transactions.CoordinatorFor(key);
        if (!broker.IsListening)
        {
            return Fail(answer, ErrorCode.CoordinatorNotAvailable, $"The coordinator, broker {broker.NodeId}, is down.");
        }

        answer.NodeId = broker.NodeId;
        answer.Host = broker.Host;
        answer.Port = broker.Port;
        return answer;
    }

    private static FindCoordinatorResponse.CoordinatorInfo Fail(FindCoordinatorResponse.CoordinatorInfo answer, ErrorCode error, string message)
    {
        answer.ErrorCode = (short)error;
        answer.ErrorMessage = message;
        return answer;
    }
}
