using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// InitProducerId (22): a new producer id at epoch 0 for an idempotent producer (a new id each time, as Kafka
/// gives one without a transactional id); with a transactional id the transaction coordinator answers.
/// </summary>
internal sealed class InitProducerIdHandler : AsyncApiHandler<InitProducerIdRequest, InitProducerIdResponse>
{
    protected override ValueTask<InitProducerIdResponse> HandleAsync(RequestContext context, InitProducerIdRequest request)
    {
        if (request.TransactionalId is null)
        {
            return new(new InitProducerIdResponse { ProducerId = context.Cluster.ProducerIds.Next(), ProducerEpoch = 0 });
        }

        return context.Cluster.Transactions.InitProducerIdAsync(context, request);
    }
}
