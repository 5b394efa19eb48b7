using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>EndTxn (26): commits or aborts the open transaction, writing COMMIT or ABORT markers into its partitions.</summary>
internal sealed class EndTxnHandler : ApiHandler<EndTxnRequest, EndTxnResponse>
{
    protected override EndTxnResponse Handle(RequestContext context, EndTxnRequest request)
    {
        var transactions = context.Cluster.Transactions;
        var error = transactions.Check(context, request.TransactionalId)
            ?? transactions.End(request.TransactionalId, request.ProducerId, request.ProducerEpoch, request.Committed, context.Version);
        return new EndTxnResponse { ErrorCode = (short)error };
    }
}
