using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Transactions;

/// <summary>The transaction coordinator: transactional ids, their producer ids and epochs, and open transactions.</summary>
internal sealed partial class TransactionCoordinator(ClusterCore cluster)
{
    public ValueTask<InitProducerIdResponse> InitProducerIdAsync(RequestContext context, InitProducerIdRequest request)
    {
        _ = cluster;
        _ = context;
        _ = request;
        return new(new InitProducerIdResponse { ErrorCode = (short)ErrorCode.CoordinatorNotAvailable });
    }
}
