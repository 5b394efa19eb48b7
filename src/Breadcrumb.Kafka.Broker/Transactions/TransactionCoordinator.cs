using Breadcrumb.Kafka.Broker.Groups;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Transactions;

/// <summary>The transaction coordinator: transactional ids, their producer ids and epochs, and open transactions.</summary>
internal sealed partial class TransactionCoordinator(ClusterCore cluster)
{
    public BrokerServer CoordinatorFor(string transactionalId) =>
        cluster.Brokers[(int)((uint)GroupCoordinator.StableHash(transactionalId) % (uint)cluster.Brokers.Count)];

    public ValueTask<InitProducerIdResponse> InitProducerIdAsync(RequestContext context, InitProducerIdRequest request)
    {
        _ = context;
        _ = request;
        return new(new InitProducerIdResponse { ErrorCode = (short)ErrorCode.CoordinatorNotAvailable, ProducerId = cluster.ProducerIds.Next() });
    }
}
