using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>AddOffsetsToTxn (25): the transaction will commit a group's offsets; the producer then sends TxnOffsetCommit to the group's coordinator.</summary>
internal sealed class AddOffsetsToTxnHandler : ApiHandler<AddOffsetsToTxnRequest, AddOffsetsToTxnResponse>
{
    protected override AddOffsetsToTxnResponse Handle(RequestContext context, AddOffsetsToTxnRequest request)
    {
        var transactions = context.Cluster.Transactions;
        var error = transactions.Check(context, request.TransactionalId)
            ?? transactions.AddGroup(request.TransactionalId, request.ProducerId, request.ProducerEpoch, request.GroupId, context.Version);
        return new AddOffsetsToTxnResponse { ErrorCode = (short)error };
    }
}
